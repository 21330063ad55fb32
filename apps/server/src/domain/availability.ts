/** Whether a team can answer a chat right now (open hours and someone online). */
export interface TeamAvailability {
  isTeamAvailable(teamId: string | null): boolean;
}
