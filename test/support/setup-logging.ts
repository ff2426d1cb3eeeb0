import { Logger } from '@nestjs/common';

// Nest's own logger stays quiet in tests unless TEST_LOG_LEVEL asks for it (the app under test logs through pino).
if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);
