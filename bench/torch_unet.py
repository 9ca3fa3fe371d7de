#!/usr/bin/env python3
"""The project's 2D U-Net in PyTorch on CPU, for bench/performance.sh.

Mirrors org.labelefficient.nn.UNet with UNetConfig.standard(4, 16, false): channels 16, 32, 64, 128, 256; conv blocks
Conv3x3 (no bias) - BatchNorm (eps 1e-5, momentum 0.1, batch statistics in training) - LeakyReLU(0.01) - Dropout
(0, 0, 0, 0.5, 0.5 per level) - Conv3x3 (no bias) - BatchNorm - LeakyReLU; 2x2 max pooling down; up blocks Conv1x1
(bias), bilinear x2 (align corners), concatenation [skip, up], conv block; Conv1x1 (bias) head. The supervised step is
the project's `supervised` method: 0.5 CE (mean over labelled pixels) + 0.5 soft Dice (all classes, sums over the
batch) on the softmax, Adam (0.9, 0.999, 1e-8) with L2 weight decay 1e-5 added to the gradient.

Every mode prints one line `RESULT key=value ...` (times in seconds) for the shell script to parse:
  train SIZE BATCH STEPS WARMUP [METHOD]  seconds per training step (median and quartiles) of supervised (default)
                                      or a teacher-student method of torch_methods.py
  predict SIZE N WARMUP               one slice at a time, inference mode, softmax
  volume RAWFILE TILE                 a whole volume, slice by slice, tiled as the Java TiledPrediction does
  matmul N REPEATS                    float32 matrix multiplication, torch and numpy, GFLOP/s
  flops SIZE BATCH                    conv multiply-accumulates of one forward pass, counted from the architecture
Threads: the THREADS environment variable (default: all cores); one inter-op thread, as the Java sessions use.
Memory layout: the FORMAT environment variable, nchw (default) or channels_last.
"""
import math
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# run as a script, this module is also what torch_methods imports as torch_unet (one copy: threads are set once)
sys.modules.setdefault("torch_unet", sys.modules[__name__])
THREADS = int(os.environ.get("THREADS", os.cpu_count()))
torch.set_num_threads(THREADS)
torch.set_num_interop_threads(1)
# FORMAT=channels_last keeps activations NHWC (oneDNN's native layout, no reorders around every convolution);
# the default NCHW is what a plain PyTorch script uses.
FORMAT = os.environ.get("FORMAT", "nchw")
MEMORY = torch.channels_last if FORMAT == "channels_last" else torch.contiguous_format

CHANNELS = [16, 32, 64, 128, 256]
DROPOUT = [0.0, 0.0, 0.0, 0.5, 0.5]
CLASSES = 4


class ConvBlock(nn.Module):
    """Two 3x3 (dims=3: 3x3x3) convolutions with batch norm and LeakyReLU, dropout between them."""

    def __init__(self, cin, cout, p, dims=2):
        super().__init__()
        conv, norm = (nn.Conv3d, nn.BatchNorm3d) if dims == 3 else (nn.Conv2d, nn.BatchNorm2d)
        self.c1 = conv(cin, cout, 3, padding=1, bias=False)
        self.bn1 = norm(cout, eps=1e-5, momentum=0.1)
        self.c2 = conv(cout, cout, 3, padding=1, bias=False)
        self.bn2 = norm(cout, eps=1e-5, momentum=0.1)
        self.p = p

    def forward(self, x):
        x = F.leaky_relu(self.bn1(self.c1(x)), 0.01)
        if self.p > 0:
            x = F.dropout(x, self.p, self.training)
        return F.leaky_relu(self.bn2(self.c2(x)), 0.01)


class UNet(nn.Module):
    def __init__(self, channels=CHANNELS, dropout=DROPOUT, classes=CLASSES, deep=False):
        super().__init__()
        self.enc = nn.ModuleList([ConvBlock(1 if l == 0 else channels[l - 1], channels[l], dropout[l])
                                  for l in range(len(channels))])
        self.reduce = nn.ModuleList([nn.Conv2d(channels[l + 1], channels[l], 1) for l in range(len(channels) - 1)])
        self.dec = nn.ModuleList([ConvBlock(2 * channels[l], channels[l], dropout[l]) for l in range(len(channels) - 1)])
        self.head = nn.Conv2d(channels[0], classes, 1)
        # deep-supervision heads on the decoder outputs at 1/2, 1/4 and 1/8 (UNetConfig deep supervision)
        self.deep = nn.ModuleList([nn.Conv2d(channels[l], classes, 1) for l in (1, 2, 3)]) if deep else None

    def forward(self, x):
        return self.features(x)[0]

    def features(self, x):
        """Logits, deep-supervision logits (1/2, 1/4, 1/8; empty without them) and the decoder outputs from the
        bottleneck to full resolution."""
        skips = []
        for l, block in enumerate(self.enc):
            x = block(x if l == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        decoder = [x]
        for l in range(len(self.enc) - 2, -1, -1):
            up = F.interpolate(self.reduce[l](x), size=skips[l].shape[2:], mode="bilinear", align_corners=True)
            x = self.dec[l](torch.cat([skips[l], up], 1))
            decoder.append(x)
        deep = [head(decoder[-2 - i]) for i, head in enumerate(self.deep)] if self.deep is not None else []
        return self.head(x), deep, decoder


def supervised_loss(logits, labels):
    """0.5 mean CE over pixels labelled >= 0 + 0.5 soft Dice (as org.labelefficient.nn.Losses)."""
    known = (labels >= 0).float()
    ce = F.cross_entropy(logits, labels.clamp(min=0), reduction="none")
    ce = (ce * known).sum() / (known.sum() + 1e-10)
    p = torch.softmax(logits, 1) * known.unsqueeze(1)
    y = F.one_hot(labels.clamp(min=0), CLASSES).permute(0, 3, 1, 2).float() * known.unsqueeze(1)
    inter = (p * y).sum((0, 2, 3))
    den = (p * p).sum((0, 2, 3)) + (y * y).sum((0, 2, 3))
    dice = 1 - ((2 * inter + 1e-5) / (den + 1e-5)).mean()
    return 0.5 * ce + 0.5 * dice


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def quartiles(times):
    q = statistics.quantiles(times, n=4, method="inclusive") if len(times) > 1 else [times[0]] * 3
    return f"median={statistics.median(times):.4f} q1={q[0]:.4f} q3={q[2]:.4f}"


def supervised(size, batch, g):
    net = UNet().to(memory_format=MEMORY)
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-5)
    x = torch.rand(batch, 1, size, size, generator=g).contiguous(memory_format=MEMORY)
    y = torch.randint(0, CLASSES, (batch, size, size), generator=g)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = supervised_loss(net(x), y)
        loss.backward()
        opt.step()
        return loss

    return step


def train(size, batch, steps, warmup, method="supervised"):
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(1)
    if method == "supervised":
        step = supervised(size, batch, g)
    else:
        import torch_methods  # the teacher-student steps, built on this module's U-Net
        step = torch_methods.STEPS[method](size, batch, g)
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        float(step())
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    print(f"RESULT mode=train impl=pytorch method={method} format={FORMAT} size={size} batch={batch} steps={steps} "
          f"{quartiles(times)} rss_mb={peak_rss_mb():.0f} threads={THREADS}")


def predict(size, n, warmup):
    torch.manual_seed(1)
    net = UNet().to(memory_format=MEMORY).eval()
    x = torch.rand(1, 1, size, size).contiguous(memory_format=MEMORY)
    times = []
    with torch.inference_mode():
        for i in range(warmup + n):
            t0 = time.perf_counter()
            torch.softmax(net(x), 1).permute(0, 2, 3, 1).contiguous().numpy()
            if i >= warmup:
                times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(f"RESULT mode=predict impl=pytorch format={FORMAT} size={size} n={n} {quartiles(times)} slices_per_s={1 / med:.3f} "
          f"rss_mb={peak_rss_mb():.0f} threads={THREADS}")


def seconds_of_runs(run):
    """Seconds of three inference runs of run() after one warm-up run."""
    with torch.inference_mode():
        run()
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
    return times


def positions(length, tile, overlap):
    if length <= tile:
        return [0]
    stride = max(1, int(math.floor(tile * (1 - overlap))))
    n = int(math.ceil((length - tile) / stride)) + 1
    return [min(i * stride, length - tile) for i in range(n)]


def volume(raw, tile, overlap=0.25, per_batch=4):
    """Slice-by-slice prediction of a normalised volume as TiledPrediction + VolumeSegmenter do it: tiles of at most
    `tile` (padded with the slice minimum to multiples of 16), 4 tiles per network call, averaged softmax, argmax."""
    with open(raw, "rb") as f:
        w, h, d = np.frombuffer(f.read(12), dtype=">i4")
        data = np.frombuffer(f.read(), dtype=">f4").astype(np.float32).reshape(d, h, w)
    torch.manual_seed(1)
    net = UNet().to(memory_format=MEMORY).eval()
    tw, th = min(tile, -(-w // 16) * 16), min(tile, -(-h // 16) * 16)
    xs, ys = positions(w, tile, overlap), positions(h, tile, overlap)
    starts = [(x, y) for y in ys for x in xs]

    def run():
        labels = np.zeros((d, h, w), np.uint8)
        for z in range(d):
            s = data[z]
            padded = np.full((max(h, ys[-1] + th), max(w, xs[-1] + tw)), s.min(), np.float32)
            padded[:h, :w] = s
            acc = np.zeros((CLASSES, padded.shape[0], padded.shape[1]), np.float32)
            count = np.zeros(padded.shape, np.float32)
            for first in range(0, len(starts), per_batch):
                group = starts[first:first + per_batch]
                tiles = np.stack([padded[y:y + th, x:x + tw] for x, y in group])[:, None]
                probs = torch.softmax(net(torch.from_numpy(tiles).contiguous(memory_format=MEMORY)), 1).numpy()
                for (x, y), p in zip(group, probs):
                    acc[:, y:y + th, x:x + tw] += p
                    count[y:y + th, x:x + tw] += 1
            labels[z] = np.argmax(acc[:, :h, :w] / count[:h, :w], 0)
        return labels

    times = seconds_of_runs(run)
    med = statistics.median(times)
    print(f"RESULT mode=volume impl=pytorch format={FORMAT} slices={d} width={w} height={h} tiles_per_slice={len(starts)} "
          f"{quartiles(times)} slices_per_s={d / med:.3f} rss_mb={peak_rss_mb():.0f} threads={THREADS}")


def matmul(n, repeats):
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    torch.mm(a, b)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - t0)
    best = min(times)
    an, bn = a.numpy(), b.numpy()
    an @ bn
    ntimes = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        an @ bn
        ntimes.append(time.perf_counter() - t0)
    print(f"RESULT mode=matmul impl=pytorch n={n} gflops={2 * n ** 3 / best / 1e9:.2f} "
          f"gflops_median={2 * n ** 3 / statistics.median(times) / 1e9:.2f} threads={THREADS}")
    print(f"RESULT mode=matmul impl=numpy n={n} gflops={2 * n ** 3 / min(ntimes) / 1e9:.2f} "
          f"gflops_median={2 * n ** 3 / statistics.median(ntimes) / 1e9:.2f}")


def flops(size, batch):
    """Multiply-accumulates of every convolution of one forward pass, from the layer shapes (hooks on a real pass)."""
    net = UNet().eval()
    macs = [0]

    def hook(m, inp, out):
        macs[0] += out.numel() * m.in_channels * m.kernel_size[0] * m.kernel_size[1] // m.groups

    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(hook)
    with torch.inference_mode():
        net(torch.zeros(batch, 1, size, size))
    params = sum(p.numel() for p in net.parameters())
    print(f"RESULT mode=flops impl=pytorch size={size} batch={batch} forward_macs={macs[0]} forward_gflop={2 * macs[0] / 1e9:.3f} "
          f"params={params}")


if __name__ == "__main__":
    mode, args = sys.argv[1], [a for a in sys.argv[2:]]
    if mode == "train":
        train(*map(int, args[:4]), *args[4:])
    elif mode == "predict":
        predict(*map(int, args))
    elif mode == "volume":
        volume(args[0], int(args[1]))
    elif mode == "matmul":
        matmul(*map(int, args))
    elif mode == "flops":
        flops(*map(int, args))
    else:
        sys.exit(f"unknown mode {mode}")
