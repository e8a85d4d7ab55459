import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** An instant, ISO 8601 with offset. */
export const DateTime = DateTimeResolver;
/** A Swedish calendar day, YYYY-MM-DD. */
export const LocalDate = LocalDateResolver;
