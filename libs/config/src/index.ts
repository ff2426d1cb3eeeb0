export { AppConfig, ConfigError, demoEnabled, loadConfig } from './app-config';
export type { LogLevel } from './app-config';
export { AppConfigModule } from './app-config.module';
