package io.flowkit.flow.time;

import io.flowkit.flow.random.SeededRandom;
import java.util.Locale;

/** The standard time samplers behind the factories of {@link TimeSampler}. */
final class TimeSamplers {

    static final TimeSampler UNIFORM = new Named("uniform") {
        @Override
        public float[] sample(int n, SeededRandom random) {
            return random.uniform(checkCount(n));
        }
    };

    static final TimeSampler COSINE = new Named("cosine") {
        @Override
        public float[] sample(int n, SeededRandom random) {
            float[] t = random.uniform(checkCount(n));
            for (int i = 0; i < n; i++) {
                t[i] = clamp(1 - Math.cos(t[i] * Math.PI / 2));
            }
            return t;
        }
    };

    private TimeSamplers() {}

    static TimeSampler logitNormal(double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("logit-normal mean is not finite: " + mean);
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("logit-normal std is not positive: " + std);
        }
        return new Named("logit-normal:" + mean + "," + std) {
            @Override
            public float[] sample(int n, SeededRandom random) {
                float[] t = new float[checkCount(n)];
                for (int i = 0; i < n; i++) {
                    t[i] = clamp(1 / (1 + Math.exp(-(mean + std * random.nextGaussian()))));
                }
                return t;
            }
        };
    }

    static TimeSampler shifted(TimeSampler base, double shift) {
        if (base == null) {
            throw new IllegalArgumentException("base sampler is null");
        }
        if (!(shift > 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift is not positive: " + shift);
        }
        return new Named(base.name() + "@" + shift) {
            @Override
            public float[] sample(int n, SeededRandom random) {
                float[] t = base.sample(n, random);
                for (int i = 0; i < n; i++) {
                    double u = t[i];
                    t[i] = clamp(shift * u / (1 + (shift - 1) * u));
                }
                return t;
            }
        };
    }

    static TimeSampler uShaped(double a) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("U-shape sharpness is not positive: " + a);
        }
        double sinhA = Math.sinh(a);
        return new Named("u-shaped:" + a) {
            @Override
            public float[] sample(int n, SeededRandom random) {
                float[] t = random.uniform(checkCount(n));
                for (int i = 0; i < n; i++) {
                    // density ∝ cosh(a·v) on v ∈ [−1, 1]: CDF (sinh(a v) + sinh a) / (2 sinh a)
                    double v = asinh((2 * t[i] - 1) * sinhA) / a;
                    t[i] = clamp((v + 1) / 2);
                }
                return t;
            }
        };
    }

    static TimeSampler lossAdaptive(PiecewiseLinearCdf profile) {
        if (profile == null) {
            throw new IllegalArgumentException("loss profile is null");
        }
        return new Named("loss-adaptive") {
            @Override
            public float[] sample(int n, SeededRandom random) {
                float[] t = random.uniform(checkCount(n));
                for (int i = 0; i < n; i++) {
                    t[i] = clamp(profile.inverse(t[i]));
                }
                return t;
            }
        };
    }

    static TimeSampler constant(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("constant time is outside [0, 1]: " + t);
        }
        return new Named("constant:" + t) {
            @Override
            public float[] sample(int n, SeededRandom random) {
                float[] times = new float[checkCount(n)];
                java.util.Arrays.fill(times, (float) t);
                return times;
            }
        };
    }

    static TimeSampler byName(String name) {
        String full = name.trim().toLowerCase(Locale.ROOT);
        int at = full.lastIndexOf('@');
        if (at >= 0) {
            return shifted(byName(full.substring(0, at)), parse(full.substring(at + 1), name));
        }
        String[] parts = full.split(":", 2);
        String args = parts.length > 1 ? parts[1] : null;
        switch (parts[0]) {
            case "uniform":
                return UNIFORM;
            case "cosine":
                return COSINE;
            case "logit-normal":
                if (args == null) {
                    return logitNormal(0, 1);
                }
                String[] ms = args.split(",");
                if (ms.length != 2) {
                    throw new IllegalArgumentException("logit-normal needs 'm,s': " + name);
                }
                return logitNormal(parse(ms[0], name), parse(ms[1], name));
            case "u-shaped":
                return uShaped(args == null ? 4 : parse(args, name));
            case "constant":
                if (args == null) {
                    throw new IllegalArgumentException("constant needs a time, e.g. 'constant:0': " + name);
                }
                return constant(parse(args, name));
            default:
                throw new IllegalArgumentException("unknown time sampler: " + name
                        + " (known: uniform, logit-normal[:m,s], cosine, u-shaped[:a], constant:t, each with optional @shift)");
        }
    }

    private static double parse(String value, String name) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in time sampler '" + name + "': " + value, e);
        }
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    private static int checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of times is negative: " + n);
        }
        return n;
    }

    private static float clamp(double t) {
        return (float) Math.min(1.0, Math.max(0.0, t));
    }

    /** A sampler with a fixed name. */
    private abstract static class Named implements TimeSampler {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
