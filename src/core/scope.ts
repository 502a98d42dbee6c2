/** Every resource belongs to one account and one region (ARCHITECTURE rule 3). */
export interface Scope {
  account: string;
  region: string;
}

export const DEFAULT_ACCOUNT = "000000000000";
export const DEFAULT_REGION = "us-east-1";
