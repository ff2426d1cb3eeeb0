/**
 * For endpoints without query parameters: with the global ValidationPipe (forbidNonWhitelisted)
 * any parameter sent anyway is refused with a 400 instead of being silently ignored.
 */
export class NoQueryParams {}
