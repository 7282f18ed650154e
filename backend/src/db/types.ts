import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables. Keep in step with ./migrations. */
export interface Database {
  universities: UniversitiesTable;
  profiles: ProfilesTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UniversitiesTable {
  id: string;
  name: string;
  email_domains: string[];
  time_zone: string;
  created_at: CreatedAt;
}

export interface ProfilesTable {
  /** The Cognito `sub`: the one identity every request carries. */
  id: string;
  university_id: string;
  email: string;
  display_name: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  /** Access tokens issued before this moment are refused (sign out of all devices). */
  tokens_valid_after: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type University = Selectable<UniversitiesTable>;
export type NewUniversity = Insertable<UniversitiesTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;
