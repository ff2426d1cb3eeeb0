/**
 * How people reach the platform's operator, shown in the footer pages (contact, privacy,
 * accessibility). PLACEHOLDERS until the platform is taken into use: the `.example` address
 * cannot receive mail (RFC 2606). Replace them here, in this one place, with the operator's real
 * name and servicedesk address; no phone number or postal address is shown until there is one.
 */
export const SITE_CONTACT = {
  /** Who runs the platform (the processor for the municipalities). */
  operator: 'de beheerder van het platform Luisterend oor',
  /** The servicedesk's e-mail address. */
  email: 'servicedesk@luisterend-oor.example',
  /** True while the values above are placeholders: the contact page says so. */
  placeholder: true,
} as const;
