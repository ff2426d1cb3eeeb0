export {
  AppConfig,
  ConfigError,
  demoEnabled,
  demoWarning,
  listSetting,
  loadConfig,
  webhookPrivateTargetsAllowed,
} from './app-config';
export type { LogLevel } from './app-config';
export { AppConfigModule } from './app-config.module';
