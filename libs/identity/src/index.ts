export * from './api-key.entity';
export { IdParam } from './dto/users.dto';
export * from './auth.decorators';
export * from './auth.service';
export * from './credentials';
export * from './guards';
export * from './identity-rules';
export * from './identity-system';
export * from './identity.errors';
export * from './identity.module';
export * from './identity.options';
export * from './instance-secret.entity';
export * from './login-failure.entity';
export * from './organisation.entity';
export * from './refresh-token.entity';
export * from './user.entity';

