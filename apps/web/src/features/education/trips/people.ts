import type { TripPerson } from '@dj/contracts';

/** A picker's value: one account at one unit (an account holding roles at two units appears twice). */
export const personKey = (p: Pick<TripPerson, 'userId' | 'organizationId'>) => `${p.userId}:${p.organizationId}`;

export function personOf(people: TripPerson[], key: string | undefined): TripPerson | undefined {
  return people.find((p) => personKey(p) === key);
}

export const personOptions = (people: TripPerson[]) => people.map((p) => ({ value: personKey(p), label: `${p.name}(${p.organizationName})` }));

/** The units the picker knows, for a participant typed by name. */
export function unitOptions(people: TripPerson[], organiser: { id: number; name: string }) {
  const units = new Map<number, string>([[organiser.id, organiser.name]]);
  for (const p of people) units.set(p.organizationId, p.organizationName);
  return [...units].map(([value, label]) => ({ value, label }));
}
