/** Who is asking: a person (from a verified login) and the request it came in on. */
export interface Actor {
  personId: string;
  requestId?: string | null;
}
