// The entities entry point (@wmo/tenancy/entities): for the migration schema only.
import { AuditEventEntity } from './audit-event.entity';

export const TENANCY_ENTITIES = [AuditEventEntity];
