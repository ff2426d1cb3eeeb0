export * from './calendar-date';
export * from './territory-population';
export * from './validity';
export * from './period';
export * from './roll-over';
export * from './weekly-schedule';
export * from './billing';
