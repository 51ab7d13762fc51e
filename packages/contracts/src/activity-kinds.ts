import { z } from 'zod';

/** The kinds of 组织生活 (GLOSSARY "Organisation life"); the server's rules import this one list. */
export const ACTIVITY_KINDS = [
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting',
  'appraisal', 'heart_talk', 'deliberation_day', 'villager_say_day', 'combined_day',
] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;
