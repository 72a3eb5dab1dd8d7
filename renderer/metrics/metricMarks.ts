// The colours of what the metrics mark on the waveform, shared by the marks and the panel's legend.
export const metricMarkColors = {
  /** A pause over 2 s. */
  pause: 'rgba(34, 139, 230, 0.28)',
  /** A stretch much quieter than the rest. */
  quiet: 'rgba(190, 75, 219, 0.22)',
} as const;
