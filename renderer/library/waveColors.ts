// The player's waveform colours per colour scheme. Opaque on purpose: wavesurfer paints the played
// part through the unplayed bars' alpha, so a translucent wave colour turned the progress colour
// translucent too and the played part looked no different. The played part stands 3:1 (WCAG's bar for
// graphics) apart from both the unplayed part and the player's background, in light and dark alike.
export interface WaveColors {
  waveColor: string;
  progressColor: string;
  cursorColor: string;
}

export const waveColors: Record<'light' | 'dark', WaveColors> = {
  // Mantine's indigo-2 and indigo-9 on white.
  light: { waveColor: '#bac8ff', progressColor: '#364fc7', cursorColor: '#212529' },
  // A muted indigo and indigo-2 on the dark body (#242424).
  dark: { waveColor: '#4a5480', progressColor: '#bac8ff', cursorColor: '#f1f3f5' },
};
