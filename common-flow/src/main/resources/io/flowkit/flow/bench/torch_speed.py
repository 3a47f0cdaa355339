"""PyTorch eager reference for flowkit's speed benchmark.

The same work as flowkit's EngineSpeedBenchmark, written the way a PyTorch user would write it:
an MLP velocity field (input x and t, 3 hidden layers of 256, SELU), one conditional flow matching
training step (Gaussian source, 8 Gaussians target, uniform t, linear path, Adam, loss read back),
and sampling 10,000 points with 100 Euler steps under torch.no_grad().

Usage: python3 torch_speed.py THREADS WARMUP STEPS SAMPLE_RUNS  ->  one JSON line on stdout.
"""
import json
import math
import statistics
import sys
import time

import torch


def main():
    threads, warmup, steps, sample_runs = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(3, 256), torch.nn.SELU(),
        torch.nn.Linear(256, 256), torch.nn.SELU(),
        torch.nn.Linear(256, 256), torch.nn.SELU(),
        torch.nn.Linear(256, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    centers = torch.tensor([[math.cos(k * math.pi / 4), math.sin(k * math.pi / 4)] for k in range(8)]) * 5.0
    batch = 256

    def step():
        x0 = torch.randn(batch, 2)
        x1 = centers[torch.randint(0, 8, (batch,))] + 0.1 ** 0.25 * torch.randn(batch, 2)
        t = torch.rand(batch, 1)
        xt = t * x1 + (1 - t) * x0
        ut = x1 - x0
        v = model(torch.cat([xt, t], dim=1))
        loss = ((v - ut) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(warmup):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)

    def sample():
        with torch.no_grad():
            x = torch.randn(10000, 2)
            dt = 1.0 / 100
            for i in range(100):
                t = torch.full((10000, 1), i * dt)
                x = x + dt * model(torch.cat([x, t], dim=1))
        return x

    sample()
    sample_times = []
    for _ in range(sample_runs):
        start = time.perf_counter()
        sample()
        sample_times.append(time.perf_counter() - start)

    print(json.dumps({
        "torch": torch.__version__,
        "threads": threads,
        "train_step_ms_median": 1000 * statistics.median(times),
        "train_step_ms_p90": 1000 * sorted(times)[int(0.9 * (len(times) - 1))],
        "sample_seconds_median": statistics.median(sample_times),
    }))


if __name__ == "__main__":
    main()
