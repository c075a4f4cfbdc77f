export * from './errors/domain-error';
export * from './org/org-unit';
export * from './org/roles';
export * from './calendar/local-date';
export * from './calendar/working-days';
export * from './cycle/cycle';
export * from './cycle/cycle-calendar';
export * from './cycle/cycle-writes';
