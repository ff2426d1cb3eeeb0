/** A date as the date fields give it (YYYY-MM-DD), before it goes to the API. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
