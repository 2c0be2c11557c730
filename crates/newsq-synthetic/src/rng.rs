//! A small deterministic random number generator (SplitMix64) and samplers.
//!
//! Integer arithmetic, and floating point only in IEEE basic operations and
//! square roots, which are correctly rounded on every platform: the same seed
//! draws the same numbers everywhere (no `exp`, `ln` or `powf`, whose last
//! bit depends on the platform's maths library).

/// SplitMix64's finaliser: a bijective mix of 64 bits.
pub(crate) const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hash of a few numbers, for things that are a pure function of them.
pub(crate) fn hash(parts: &[u64]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    for &p in parts {
        h = mix(h ^ mix(p.wrapping_add(0x632b_e59b_d9b4_e019)));
    }
    h
}

/// SplitMix64.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for one purpose (`salt`) and one item (`key`) under `seed`.
    pub(crate) fn new(seed: u64, salt: u64, key: u64) -> Rng {
        Rng(hash(&[seed, salt, key]))
    }

    #[inline]
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n` > 0), by multiply-shift.
    #[inline]
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    #[inline]
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    #[inline]
    pub(crate) fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Uniform in [0, 1).
    #[inline]
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// One of `items`, uniformly.
    #[inline]
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Zipf-distributed ranks in `0..n` through a quantile table: one table
/// lookup per sample. Good for lists of up to a few thousand items.
///
/// The table is built with IEEE basic operations and square roots only
/// (correctly rounded on every platform, unlike `powf`), so it is the same
/// everywhere.
#[derive(Debug, Clone)]
pub(crate) struct ZipfTable {
    table: Vec<u16>,
}

const TABLE_BITS: u32 = 13;

impl ZipfTable {
    /// Rank r has weight 1/(r+1)^(quarters/4): `quarters` 4 is Zipf's law,
    /// 3 a flatter one.
    pub(crate) fn new(n: usize, quarters: u32) -> ZipfTable {
        assert!(n > 0 && n <= usize::from(u16::MAX));
        let weights: Vec<f64> = (0..n)
            .map(|r| {
                let root = ((r + 1) as f64).sqrt().sqrt();
                1.0 / (0..quarters).fold(1.0, |acc, _| acc * root)
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let size = 1usize << TABLE_BITS;
        let mut table = Vec::with_capacity(size);
        let mut rank = 0usize;
        let mut cumulative = weights[0] / total;
        for i in 0..size {
            let q = (i as f64 + 0.5) / size as f64;
            while cumulative < q && rank + 1 < n {
                rank += 1;
                cumulative += weights[rank] / total;
            }
            table.push(rank as u16);
        }
        ZipfTable { table }
    }

    #[inline]
    pub(crate) fn sample(&self, rng: &mut Rng) -> usize {
        usize::from(self.table[(rng.next_u64() >> (64 - TABLE_BITS)) as usize])
    }
}

/// Zipf's law (rank r with probability ln((r+2)/(r+1)), close to 1/(r+1.5))
/// over `0..n` for
/// large pools (speakers, places): a log-uniform draw, as eighths of an
/// octave chosen uniformly and a point within one. Basic float operations
/// and square roots only, so it draws the same everywhere.
#[derive(Debug, Clone)]
pub(crate) struct PowerLaw {
    n: u64,
    /// Ranks start at this point of the curve: a flatter head.
    offset: u64,
    /// 1, 2^(1/8), 2^(2/8), … up to at least n+1.
    edges: Vec<f64>,
}

impl PowerLaw {
    pub(crate) fn new(n: u64) -> PowerLaw {
        PowerLaw::with_offset(n, 0)
    }

    /// Rank r with probability close to 1/(r+1.5+offset): the first
    /// `offset` ranks no longer dominate.
    pub(crate) fn with_offset(n: u64, offset: u64) -> PowerLaw {
        assert!(n > 0);
        let step = 2f64.sqrt().sqrt().sqrt();
        let mut edges = vec![1.0f64 + offset as f64];
        while edges[edges.len() - 1] < (n + offset + 1) as f64 {
            let next = edges[edges.len() - 1] * step;
            edges.push(next);
        }
        PowerLaw { n, offset, edges }
    }

    #[inline]
    pub(crate) fn sample(&self, rng: &mut Rng) -> u64 {
        loop {
            let j = rng.below(self.edges.len() - 1);
            let (lo, hi) = (self.edges[j], self.edges[j + 1]);
            let x = (lo + (hi - lo) * rng.unit()) as u64;
            if x > self.offset && x <= self.n + self.offset {
                return x - self.offset - 1;
            }
        }
    }
}

/// Zipf's law over a few items (`n` up to a few dozen), in integers.
pub(crate) fn harmonic(rng: &mut Rng, n: usize) -> usize {
    const SCALE: usize = 1 << 20;
    let total: usize = (1..=n).map(|r| SCALE / r).sum();
    let mut x = rng.below(total);
    for r in 1..=n {
        let w = SCALE / r;
        if x < w {
            return r - 1;
        }
        x -= w;
    }
    n - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_key_gives_the_same_numbers() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(1, 2, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::new(1, 2, 3).next_u64(), Rng::new(1, 2, 4).next_u64());
        // Pinned: the generator must not change under anyone's feet.
        assert_eq!(mix(0), 0);
        assert_eq!(mix(1), 0x5692_161d_100b_05e5);
    }

    #[test]
    fn zipf_favours_low_ranks_and_reaches_the_tail() {
        let z = ZipfTable::new(500, 4);
        let mut rng = Rng::new(0, 0, 0);
        let mut counts = vec![0usize; 500];
        for _ in 0..200_000 {
            counts[z.sample(&mut rng)] += 1;
        }
        assert!(counts[0] > counts[1] && counts[1] > counts[10] && counts[10] > counts[400]);
        assert!(counts.iter().filter(|&&c| c > 0).count() > 490);
    }

    #[test]
    fn the_power_law_stays_in_range_and_falls_off() {
        let p = PowerLaw::new(20_000);
        let mut rng = Rng::new(0, 0, 0);
        let mut counts = vec![0usize; 20_000];
        for _ in 0..400_000 {
            counts[p.sample(&mut rng) as usize] += 1;
        }
        // ln((r+2)/(r+1)), about 1/(r+1.5): rank 0 1.7 times rank 1, 7.3 times rank 9.
        let ratio = |a: usize, b: usize| counts[a] as f64 / counts[b] as f64;
        assert!((1.5..1.9).contains(&ratio(0, 1)), "{}", ratio(0, 1));
        assert!((6.5..8.1).contains(&ratio(0, 9)), "{}", ratio(0, 9));
        assert!(counts[10_000..].iter().filter(|&&c| c > 0).count() > 1000);
        let one = PowerLaw::new(1);
        assert_eq!(one.sample(&mut rng), 0);
        let mut small = [0usize; 4];
        for _ in 0..40_000 {
            small[harmonic(&mut rng, 4)] += 1;
        }
        assert!(small[0] > small[1] && small[1] > small[2] && small[2] > small[3]);
    }
}
