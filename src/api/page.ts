/** One page of a cursor-paged list, as every paged query answers it. */
export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

export interface PageRequest {
  limit?: number;
  nextToken?: string | null;
}
