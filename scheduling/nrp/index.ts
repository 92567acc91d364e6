/**
 * The Curtois & Qu shift scheduling benchmark (schedulingbenchmarks.org): reader, rules and
 * objective, and the solver (compact MIP, column-generation bound, neighbourhood search).
 */
export type { NrpAssignment, NrpCover, NrpInstance, NrpRequest, NrpShiftType, NrpStaffMember } from './instance';
export { readNrpInstance } from './read-instance';
export { assignmentsOf, gridOf, scoreOf, violationsOf, type NrpGrid, type NrpRule, type NrpScore, type NrpViolation } from './evaluate';
export { solveNrp, NrpNoRosterError, type NrpProgress, type NrpResult, type NrpSolveOptions } from './solve-nrp';
