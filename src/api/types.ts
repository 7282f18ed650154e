// Hand-written mirrors of backend/schema.graphql; keep in step with it (or replace with codegen).
export interface University {
  id: string;
  name: string;
  timeZone: string;
  emailDomains: string[];
}

export interface Profile {
  id: string;
  displayName: string;
  email: string;
  university: University;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface StaffOverview {
  university: University;
  studentCount: number;
  staffCount: number;
}
