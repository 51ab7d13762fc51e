import type { z } from 'zod';
import type { AcceptRectificationSchema, InspectionFileParamsSchema, InspectionReportParamsSchema, InspectionResultParamsSchema, RectificationEvidenceSchema, RectificationLedgerParamsSchema, RectificationListQuerySchema, ReopenRectificationSchema } from './inspection.js';
import type { ActivityDocParamSchema, CheckItemSchema, FileParamSchema, LedgerQuerySchema, PutAssignmentsSchema, ResponseBodySchema, SupervisorBodySchema, UploadBodySchema } from './activity-evidence.js';
import type { AddFourTwoStageSchema, CreateFourTwoSchema, CreateMicroPowerItemSchema, CreateMicroPowerUseSchema, CreateServiceCenterProjectSchema, DutyListQuerySchema, DutyPresenceSchema, FourTwoDocumentParamsSchema, FourTwoQuerySchema, FourTwoStageParamsSchema, MicroPowerItemQuerySchema, MicroPowerLedgerParamsSchema, MicroPowerLedgerQuerySchema, MicroPowerUseQuerySchema, PositionsOrgParamSchema, RecordUseStepSchema, SaveAdoptionsSchema, ServiceCenterPhotoParamsSchema, ServiceCenterPhotoQuerySchema, ServiceCenterProjectParamsSchema, SwapDutySchema, UpdateMicroPowerItemSchema, UpdateMicroPowerUseSchema, UpdateServiceCenterProjectSchema } from './positions.js';
import type { BoardQuerySchema, CreatePublicNoticeSchema, CreateRelationSchema, CreateStepSchema, EndRelationSchema, PlanQuerySchema, PublicNoticeOutcomeSchema, RecruitmentDocumentParamsSchema, RecruitmentFileParamsSchema, RecruitmentListQuerySchema, RecruitmentPublicNoticeParamsSchema, RecruitmentRelationParamsSchema, RecruitmentStepParamsSchema, RegisterParamsSchema, RegisterQuerySchema, SavePlanSchema, StopRecruitmentSchema } from './recruitment.js';
import type { BranchDuesQuerySchema, DuesPaymentSchema, DuesQuerySchema } from './dues.js';
import type { CompletenessQuerySchema, CreateFlowSchema, CreateLetterSchema, CreateMemberSchema, EndFlowSchema, FlowContactSchema, FlowParamsSchema, LetterParamsSchema, LetterReceiptSchema, MemberImportQuerySchema, RevealBodySchema, TaskQuerySchema } from './members.js';
import type { DisclosureBoardQuerySchema, DisclosureFileParamsSchema, DisclosureListQuerySchema, DisclosureStepSchema, PublicDisclosureParamsSchema, PublicFileParamsSchema, PublicVillageParamsSchema, ReturnDisclosureSchema } from './disclosure.js';
import type { ExpectedQuerySchema } from './activities.js';
import type { StartExportSchema } from './exports.js';
import type { OutboxQuerySchema } from './notifications.js';
import type { SettingKeyParamSchema, UpdateSettingSchema } from './settings.js';

/*
 * The request type of every route schema that had none, inferred from it, so no client writes one by hand.
 * Bodies are what a client sends (z.input: fields with a default may be left out); queries and path
 * parameters are what the server reads (z.infer: numbers, not the strings a URL carries).
 */

// inspection
export type AcceptRectification = z.input<typeof AcceptRectificationSchema>;
export type InspectionFileParams = z.infer<typeof InspectionFileParamsSchema>;
export type InspectionReportParams = z.infer<typeof InspectionReportParamsSchema>;
export type InspectionResultParams = z.infer<typeof InspectionResultParamsSchema>;
export type RectificationEvidence = z.input<typeof RectificationEvidenceSchema>;
export type RectificationLedgerParams = z.infer<typeof RectificationLedgerParamsSchema>;
export type RectificationListQuery = z.infer<typeof RectificationListQuerySchema>;
export type ReopenRectification = z.input<typeof ReopenRectificationSchema>;

// activity-evidence
export type ActivityDocParam = z.infer<typeof ActivityDocParamSchema>;
export type CheckItem = z.input<typeof CheckItemSchema>;
export type FileParam = z.infer<typeof FileParamSchema>;
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;
export type PutAssignments = z.input<typeof PutAssignmentsSchema>;
export type ResponseBody = z.input<typeof ResponseBodySchema>;
export type SupervisorBody = z.input<typeof SupervisorBodySchema>;
export type UploadBody = z.input<typeof UploadBodySchema>;

// positions
export type AddFourTwoStage = z.input<typeof AddFourTwoStageSchema>;
export type CreateFourTwo = z.input<typeof CreateFourTwoSchema>;
export type CreateMicroPowerItem = z.input<typeof CreateMicroPowerItemSchema>;
export type CreateMicroPowerUse = z.input<typeof CreateMicroPowerUseSchema>;
export type CreateServiceCenterProject = z.input<typeof CreateServiceCenterProjectSchema>;
export type DutyListQuery = z.infer<typeof DutyListQuerySchema>;
export type DutyPresenceBody = z.input<typeof DutyPresenceSchema>;
export type FourTwoDocumentParams = z.infer<typeof FourTwoDocumentParamsSchema>;
export type FourTwoQuery = z.infer<typeof FourTwoQuerySchema>;
export type FourTwoStageParams = z.infer<typeof FourTwoStageParamsSchema>;
export type MicroPowerItemQuery = z.infer<typeof MicroPowerItemQuerySchema>;
export type MicroPowerLedgerParams = z.infer<typeof MicroPowerLedgerParamsSchema>;
export type MicroPowerLedgerQuery = z.infer<typeof MicroPowerLedgerQuerySchema>;
export type MicroPowerUseQuery = z.infer<typeof MicroPowerUseQuerySchema>;
export type PositionsOrgParam = z.infer<typeof PositionsOrgParamSchema>;
export type RecordUseStep = z.input<typeof RecordUseStepSchema>;
export type SaveAdoptions = z.input<typeof SaveAdoptionsSchema>;
export type ServiceCenterPhotoParams = z.infer<typeof ServiceCenterPhotoParamsSchema>;
export type ServiceCenterPhotoQuery = z.infer<typeof ServiceCenterPhotoQuerySchema>;
export type ServiceCenterProjectParams = z.infer<typeof ServiceCenterProjectParamsSchema>;
export type SwapDuty = z.input<typeof SwapDutySchema>;
export type UpdateMicroPowerItem = z.input<typeof UpdateMicroPowerItemSchema>;
export type UpdateMicroPowerUse = z.input<typeof UpdateMicroPowerUseSchema>;
export type UpdateServiceCenterProject = z.input<typeof UpdateServiceCenterProjectSchema>;

// recruitment
export type BoardQuery = z.infer<typeof BoardQuerySchema>;
export type CreatePublicNotice = z.input<typeof CreatePublicNoticeSchema>;
export type CreateRelation = z.input<typeof CreateRelationSchema>;
export type CreateStep = z.input<typeof CreateStepSchema>;
export type EndRelation = z.input<typeof EndRelationSchema>;
export type PlanQuery = z.infer<typeof PlanQuerySchema>;
export type PublicNoticeOutcome = z.input<typeof PublicNoticeOutcomeSchema>;
export type RecruitmentDocumentParams = z.infer<typeof RecruitmentDocumentParamsSchema>;
export type RecruitmentFileParams = z.infer<typeof RecruitmentFileParamsSchema>;
export type RecruitmentListQuery = z.infer<typeof RecruitmentListQuerySchema>;
export type RecruitmentPublicNoticeParams = z.infer<typeof RecruitmentPublicNoticeParamsSchema>;
export type RecruitmentRelationParams = z.infer<typeof RecruitmentRelationParamsSchema>;
export type RecruitmentStepParams = z.infer<typeof RecruitmentStepParamsSchema>;
export type RegisterParams = z.infer<typeof RegisterParamsSchema>;
export type RegisterQuery = z.infer<typeof RegisterQuerySchema>;
export type SavePlan = z.input<typeof SavePlanSchema>;
export type StopRecruitment = z.input<typeof StopRecruitmentSchema>;

// dues
export type BranchDuesQuery = z.infer<typeof BranchDuesQuerySchema>;
export type DuesPayment = z.input<typeof DuesPaymentSchema>;
export type DuesQuery = z.infer<typeof DuesQuerySchema>;

// members
export type CompletenessQuery = z.infer<typeof CompletenessQuerySchema>;
export type CreateFlow = z.input<typeof CreateFlowSchema>;
export type CreateLetter = z.input<typeof CreateLetterSchema>;
export type CreateMember = z.input<typeof CreateMemberSchema>;
export type EndFlow = z.input<typeof EndFlowSchema>;
export type FlowContact = z.input<typeof FlowContactSchema>;
export type FlowParams = z.infer<typeof FlowParamsSchema>;
export type LetterParams = z.infer<typeof LetterParamsSchema>;
export type LetterReceipt = z.input<typeof LetterReceiptSchema>;
export type MemberImportQuery = z.infer<typeof MemberImportQuerySchema>;
export type RevealBody = z.input<typeof RevealBodySchema>;
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

// disclosure
export type DisclosureBoardQuery = z.infer<typeof DisclosureBoardQuerySchema>;
export type DisclosureFileParams = z.infer<typeof DisclosureFileParamsSchema>;
export type DisclosureListQuery = z.infer<typeof DisclosureListQuerySchema>;
export type DisclosureStep = z.input<typeof DisclosureStepSchema>;
export type PublicDisclosureParams = z.infer<typeof PublicDisclosureParamsSchema>;
export type PublicFileParams = z.infer<typeof PublicFileParamsSchema>;
export type PublicVillageParams = z.infer<typeof PublicVillageParamsSchema>;
export type ReturnDisclosure = z.input<typeof ReturnDisclosureSchema>;

// activities
export type ExpectedQuery = z.infer<typeof ExpectedQuerySchema>;

// notifications
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

// settings
export type SettingKeyParam = z.infer<typeof SettingKeyParamSchema>;
export type UpdateSetting = z.input<typeof UpdateSettingSchema>;

export type StartExport = z.infer<typeof StartExportSchema>;
