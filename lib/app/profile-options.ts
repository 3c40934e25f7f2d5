/** The timescale profiles a plan can follow, as choices for a form. */
export function profileOptions(): { id: string; name: string }[] {
  return [
    { id: 'national', name: 'Working Together to Safeguard Children 2023 (national)' },
    { id: 'wirral-2016', name: 'Wirral Safeguarding Children Board (2016)' },
  ];
}
