import type { ActivitySummary } from './activities';
import { PersonPageDocument } from './generated/documents/people';
import type { PersonProfileFragment } from './generated/graphql';
import type { Page } from './page';
import { run } from './run';

/** Another person as their page shows them: name, sports with levels, bio. Never their email. */
export type PersonProfile = PersonProfileFragment;
export type SportLevel = PersonProfile['sports'][number];

export interface PersonPage {
  person: PersonProfile;
  /** I blocked them. */
  blocked: boolean;
  /** The first page of the upcoming activities they host (more through listActivities with hostId). */
  hosted: Page<ActivitySummary>;
}

/** Someone of my university's page in one request; anyone else is an ApiError NotFound (person.notFound). */
export async function getPersonPage(id: string, hostedLimit: number): Promise<PersonPage> {
  const { contact, activities } = await run(PersonPageDocument, { id, limit: hostedLimit });
  return { person: contact.person, blocked: contact.blocked, hosted: activities };
}
