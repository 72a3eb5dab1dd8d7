// ITU-R BS.1770-4 K-weighting for any sample rate: the recommendation gives the two filters'
// coefficients at 48 kHz only; these are the analogue prototypes they come from (a +4 dB high shelf at
// 1.68 kHz modelling the head, and the RLB high-pass at 38 Hz), mapped by the bilinear transform, as
// libebur128 does. At 48 kHz they equal the recommendation's to 1e-8.
import type { BiquadCoefficients } from './biquad';

export function kWeighting(sampleRate: number): [BiquadCoefficients, BiquadCoefficients] {
  // Stage 1: the high shelf ("pre-filter").
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = Math.pow(10, gainDb / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  let a0 = 1 + k / q + k * k;
  const shelf = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  // Stage 2: the RLB high-pass (numerator 1, −2, 1 as in the recommendation).
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  return [shelf, highPass];
}
