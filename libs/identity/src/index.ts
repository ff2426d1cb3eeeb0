export { IdentityModule } from './identity.module';
export type { IdentityOptions } from './identity.options';
export { OrganisationDirectory } from './organisation-directory';
export type { OrganisationInfo } from './organisation-directory';
export { AuthenticationGuard, RolesGuard } from './guards';
export { RateLimitKeys } from './rate-limit-key';
export { CurrentPrincipal } from './auth.decorators';
export { IdParam } from './dto/users.dto';
export { IdentityError, IdentityErrorCode } from './identity.errors';
export { MIN_PASSWORD_LENGTH, normaliseEmail, passwordProblems } from './identity.rules';

// Start-up, seeding and the command line (as the schema owner).
export {
  createPlatformOperator,
  ensureMunicipalityOrganisations,
  ensureOrganisation,
  instanceSecret,
  upsertUser,
} from './identity-system';
export type { UserSeed } from './identity-system';
