#!/usr/bin/env python3
"""The project's 3D U-Net in PyTorch on CPU, for bench/performance.sh (DIMENSIONS containing 3).

Mirrors org.labelefficient.nn.UNet with UNetConfig.standard(CLASSES, BASE, false).volumetric(pooling) (NDHWC there,
NCDHW here): channels BASE x 1, 2, 4, 8, 16; conv blocks Conv3x3x3 (no bias) - BatchNorm (eps 1e-5, momentum 0.1,
batch statistics in training) - LeakyReLU(0.01) - Dropout (0, 0, 0, 0.5, 0.5 per level) - Conv3x3x3 (no bias) -
BatchNorm - LeakyReLU; 3D max pooling by each step's factors (z, y, x; every axis by 2 for isotropic voxels such as
LA's, which is what UNetConfig.poolingFor plans for them); up blocks Conv1x1x1 (bias) at the coarser level,
nearest-neighbour up-sampling by the step's factors, concatenation [skip, up], conv block; Conv1x1x1 head (bias). The
training step is the `supervised` method's: 0.5 CE (mean over labelled voxels) + 0.5 soft Dice (all classes, sums over
the batch) on the softmax, Adam (0.9, 0.999, 1e-8) with L2 weight decay 1e-5 added to the gradient.

Every mode prints one line `RESULT key=value ...` (times in seconds):
  train SIZE BATCH BASE CLASSES STEPS WARMUP   seconds per training step on SIZE^3 patches (median and quartiles)
  volume RAWFILE WINDOW BASE CLASSES [PER_CALL]  seconds per whole volume, sliding windows as the Java SlidingWindow
                                               (PER_CALL windows per network call, default 1 as ours)
  flops SIZE BATCH BASE CLASSES                conv multiply-accumulates of one forward pass (hooks on a real pass)
Every mode also reports the network's parameter count (params=), which bench/performance.sh compares with ours.
Threads: THREADS (default: all cores), one inter-op thread. Memory layout: FORMAT=nchw (NCDHW, default) or
channels_last (torch.channels_last_3d, NDHWC).
"""
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_unet import THREADS, ConvBlock, peak_rss_mb, positions, quartiles, seconds_of_runs

FORMAT = "channels_last" if os.environ.get("FORMAT") == "channels_last" else "nchw"
MEMORY = torch.channels_last_3d if FORMAT == "channels_last" else torch.contiguous_format
DROPOUT = [0.0, 0.0, 0.0, 0.5, 0.5]
SIGMA_SCALE = 1 / 8  # SlidingWindow.SIGMA_SCALE
OVERLAP = 0.25  # the predict command's default tile_overlap


class UNet3D(nn.Module):
    def __init__(self, base, classes, pooling=None):
        super().__init__()
        channels = [base << l for l in range(5)]
        self.pooling = pooling or [(2, 2, 2)] * (len(channels) - 1)
        self.enc = nn.ModuleList([ConvBlock(1 if l == 0 else channels[l - 1], channels[l], DROPOUT[l], 3)
                                  for l in range(len(channels))])
        self.reduce = nn.ModuleList([nn.Conv3d(channels[l + 1], channels[l], 1) for l in range(len(channels) - 1)])
        self.dec = nn.ModuleList([ConvBlock(2 * channels[l], channels[l], DROPOUT[l], 3) for l in range(len(channels) - 1)])
        self.head = nn.Conv3d(channels[0], classes, 1)

    def forward(self, x):
        skips = []
        for l, block in enumerate(self.enc):
            x = block(x if l == 0 else F.max_pool3d(x, self.pooling[l - 1]))
            skips.append(x)
        for l in range(len(self.enc) - 2, -1, -1):
            up = F.interpolate(self.reduce[l](x), scale_factor=self.pooling[l], mode="nearest")
            x = self.dec[l](torch.cat([skips[l], up], 1))
        return self.head(x)


def parameters(net):
    return sum(p.numel() for p in net.parameters())


def supervised_loss(logits, labels, classes):
    """0.5 mean CE over voxels labelled >= 0 + 0.5 soft Dice (as org.labelefficient.nn.Losses, 5D)."""
    known = (labels >= 0).float()
    ce = F.cross_entropy(logits, labels.clamp(min=0), reduction="none")
    ce = (ce * known).sum() / (known.sum() + 1e-10)
    p = torch.softmax(logits, 1) * known.unsqueeze(1)
    y = F.one_hot(labels.clamp(min=0), classes).permute(0, 4, 1, 2, 3).float() * known.unsqueeze(1)
    axes = (0, 2, 3, 4)
    inter = (p * y).sum(axes)
    den = (p * p).sum(axes) + (y * y).sum(axes)
    dice = 1 - ((2 * inter + 1e-5) / (den + 1e-5)).mean()
    return 0.5 * ce + 0.5 * dice


def train(size, batch, base, classes, steps, warmup):
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(1)
    net = UNet3D(base, classes).to(memory_format=MEMORY).train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-5)
    x = torch.rand(batch, 1, size, size, size, generator=g).contiguous(memory_format=MEMORY)
    y = torch.randint(0, classes, (batch, size, size, size), generator=g)
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = supervised_loss(net(x), y, classes)
        loss.backward()
        opt.step()
        float(loss)
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    print(f"RESULT mode=train3d impl=pytorch method=supervised format={FORMAT} size={size} batch={batch} base={base} "
          f"classes={classes} steps={steps} {quartiles(times)} rss_mb={peak_rss_mb():.0f} params={parameters(net)} "
          f"threads={THREADS}")


def gaussian(win):
    """SlidingWindow.gaussian: exp(-sum (p - centre)^2 / (2 sigma^2)), sigma = n / 8, floored at the smallest positive
    value."""
    axes = [((np.arange(n) - (n - 1) / 2) ** 2) / (2 * max(n * SIGMA_SCALE, 1e-3) ** 2) for n in win]
    g = np.exp(-(axes[0][:, None, None] + axes[1][None, :, None] + axes[2][None, None, :])).astype(np.float32)
    return np.maximum(g, g[g > 0].min())


def volume(raw, window, base, classes, per_call=1, divisor=16):
    """A whole normalised volume by sliding windows as SlidingWindow + SlidingWindowSegmenter do it: windows of
    `window` (each axis at most the axis rounded up to the divisor), overlap 0.25, padded with the volume's minimum,
    Gaussian-weighted softmax averaging, argmax; `per_call` windows per network call (ours: one). PyTorch 1.13 runs a
    3D convolution of a batch of one on its own im2col kernel (slow_conv3d) unless the input is large (batch x
    channels x depth x height above 20480), and on oneDNN for batches of two or more."""
    with open(raw, "rb") as f:
        w, h, d = np.frombuffer(f.read(12), dtype=">i4")
        data = np.frombuffer(f.read(), dtype=">f4").astype(np.float32).reshape(d, h, w)
    torch.manual_seed(1)
    net = UNet3D(base, classes).to(memory_format=MEMORY).eval()
    size = (d, h, w)
    win = [min(window, -(-n // divisor) * divisor) for n in size]
    starts = [positions(n, v, OVERLAP) for n, v in zip(size, win)]
    weight = gaussian(win)
    pad = data.min()

    corners = [(z, y, x) for z in starts[0] for y in starts[1] for x in starts[2]]

    def run():
        total = np.zeros((classes,) + size, np.float32)
        weights = np.zeros(size, np.float32)
        for first in range(0, len(corners), per_call):
            group = corners[first:first + per_call]
            tiles = np.full((len(group), 1) + tuple(win), pad, np.float32)
            for i, (z, y, x) in enumerate(group):
                part = data[z:z + win[0], y:y + win[1], x:x + win[2]]
                tiles[i, 0, :part.shape[0], :part.shape[1], :part.shape[2]] = part
            probs = torch.softmax(net(torch.from_numpy(tiles).contiguous(memory_format=MEMORY)), 1).numpy()
            for (z, y, x), p in zip(group, probs):
                cz, cy, cx = min(win[0], d - z), min(win[1], h - y), min(win[2], w - x)
                total[:, z:z + cz, y:y + cy, x:x + cx] += weight[:cz, :cy, :cx] * p[:, :cz, :cy, :cx]
                weights[z:z + cz, y:y + cy, x:x + cx] += weight[:cz, :cy, :cx]
        return np.argmax(total / weights, 0).astype(np.uint8)

    times = seconds_of_runs(run)
    print(f"RESULT mode=volume3d impl=pytorch format={FORMAT} depth={d} height={h} width={w} window={window} "
          f"windows={len(corners)} per_call={per_call} {quartiles(times)} rss_mb={peak_rss_mb():.0f} params={parameters(net)} threads={THREADS}")


def flops(size, batch, base, classes):
    net = UNet3D(base, classes).eval()
    macs = [0]

    def hook(m, inp, out):
        macs[0] += out.numel() * m.in_channels * math.prod(m.kernel_size) // m.groups

    for m in net.modules():
        if isinstance(m, nn.Conv3d):
            m.register_forward_hook(hook)
    with torch.inference_mode():
        net(torch.zeros(batch, 1, size, size, size))
    print(f"RESULT mode=flops3d impl=pytorch size={size} batch={batch} base={base} classes={classes} "
          f"forward_macs={macs[0]} forward_gflop={2 * macs[0] / 1e9:.3f} params={parameters(net)}")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "train":
        train(*map(int, args))
    elif mode == "volume":
        volume(args[0], *map(int, args[1:]))
    elif mode == "flops":
        flops(*map(int, args))
    else:
        sys.exit(f"unknown mode {mode}")
