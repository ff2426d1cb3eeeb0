export * from './calendar-date';
export * from './territory-population';
export * from './validity';
