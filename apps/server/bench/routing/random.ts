/** A small seeded generator (mulberry32): the same seed replays the same population. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Index drawn with probability proportional to its weight. */
export function weightedIndex(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let draw = random() * total;
  for (const [i, weight] of weights.entries()) {
    draw -= weight;
    if (draw < 0) return i;
  }
  return weights.length - 1;
}
