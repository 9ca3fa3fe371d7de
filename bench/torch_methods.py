"""Training steps of the teacher-student methods in PyTorch, for bench/torch_unet.py's `train SIZE BATCH STEPS WARMUP
METHOD` mode. Each mirrors the graph our method builds (org.labelefficient.method, defaults of its settings, ramp-ups
at their full weight) on torch_unet's U-Net, written as a PyTorch user would write it (indexing the sampled pixels,
Python control flow, autograd.grad): the same layers, losses and optimiser (Adam, L2 weight decay 1e-5), so that the
time ratio compares the frameworks, not two different methods.

    mean-teacher  labelled and unlabelled halves batch-normalised apart, EMA teacher on the noisy batch, 0.5 CE +
                  0.5 Dice + 0.1 softmax MSE on the unlabelled half
    scribsd       partial CE, KL distillation at 4 scales (T 2), class-wise InfoNCE on a projection head (256 pixels
                  per class, T 0.1, teacher confidence 0.8), EMA teacher
    reciprocal    student on the teacher's pseudo-labels, feedback h = lr <g_l after, g_u before>, teacher on
                  h CE(pseudo) + CE(labelled)
    action        stage iii: EMA teacher pseudo-labels with confidence, CutMix, intensity augmentation, supervised +
                  confidence-weighted pseudo-label loss + anatomical contrast (representation head on a 4-pixel grid,
                  64 channels, 256 queries, 512 negatives, T 0.5)
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_unet import CLASSES, MEMORY, UNet, supervised_loss

LR = 1e-3


def adam(params):
    return torch.optim.Adam(params, lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-5)


def batch_data(size, batch, labelled, dense, g):
    """Discs of three classes on noise, as Performance.java fills them: the first `labelled` samples carry labels
    (every pixel if dense, else 5% of pixels as scribbles), the others none (-1)."""
    yy, xx = torch.meshgrid(torch.arange(size, dtype=torch.float32), torch.arange(size, dtype=torch.float32),
                            indexing="ij")
    images, labels = [], []
    for b in range(batch):
        c = torch.rand(2, generator=g) * 0.3 + 0.35
        d = torch.hypot(xx - size * c[0], yy - size * c[1]) / size
        y = torch.where(d < 0.1, 3, torch.where(d < 0.15, 2, torch.where(d < 0.22, 1, 0)))
        images.append(y * 0.5 + 0.3 * torch.randn(size, size, generator=g))
        keep = torch.ones(size, size, dtype=torch.bool) if dense else torch.rand(size, size, generator=g) < 0.05
        labels.append(torch.where(keep & (b < labelled), y, -1))
    x = torch.stack(images)[:, None].contiguous(memory_format=MEMORY)
    return x, torch.stack(labels)


def teacher_of(student):
    teacher = UNet(deep=student.deep is not None).to(memory_format=MEMORY)
    teacher.load_state_dict(student.state_dict())
    for p in teacher.parameters():
        p.requires_grad_(False)
    return teacher.eval()


@torch.no_grad()
def ema(teacher, student, decay=0.99):
    for t, s in zip(teacher.state_dict().values(), student.state_dict().values()):
        if t.dtype.is_floating_point:
            t.mul_(decay).add_(s, alpha=1 - decay)


def grouped(net, x, first):
    """net.features on the first `first` samples and on the others as two batch-norm groups, outputs concatenated."""
    a, b = net.features(x[:first]), net.features(x[first:])
    return (torch.cat([a[0], b[0]]), [torch.cat(p) for p in zip(a[1], b[1])], [torch.cat(p) for p in zip(a[2], b[2])])


def rows(t):
    """[B, C, H, W] to pixel rows [B H W, C]."""
    return t.permute(0, 2, 3, 1).reshape(-1, t.shape[1])


def one_hot_valid(classes):
    """Pixel rows of a one-hot encoding, zero where the class is -1."""
    c = classes.reshape(-1)
    return F.one_hot(c.clamp(min=0), CLASSES).float() * (c >= 0).float()[:, None]


def mean_teacher(size, batch, g):
    student = UNet().to(memory_format=MEMORY).train()
    teacher = teacher_of(student)
    opt = adam(student.parameters())
    half = batch // 2
    x, y = batch_data(size, batch, half, True, g)

    def step():
        opt.zero_grad(set_to_none=True)
        logits = grouped(student, x, half)[0]
        with torch.no_grad():
            noise = (0.1 * torch.randn(x.shape, generator=g)).clamp(-0.2, 0.2)
            target = torch.softmax(teacher(x + noise), 1)
        consistency = ((torch.softmax(logits[half:], 1) - target[half:]) ** 2).mean()
        loss = supervised_loss(logits, y) + 0.1 * consistency
        loss.backward()
        opt.step()
        ema(teacher, student)
        return loss

    return step


def distillation(teacher_logits, student_logits, t=2.0):
    lt, ls = F.log_softmax(teacher_logits / t, 1), F.log_softmax(student_logits / t, 1)
    return (lt.exp() * (lt - ls)).sum(1).mean() * t * t


def class_contrast(embeddings, classes, g, temperature=0.1, samples=256):
    e = rows(embeddings)
    y = one_hot_valid(classes)
    counts = y.sum(0)
    prototypes = F.normalize((y.t() @ e.detach()) / counts.clamp(min=1)[:, None], dim=1)
    keep = torch.rand(e.shape[0], generator=g) < y @ (samples / counts.clamp(min=1)).clamp(max=1)
    index = keep.nonzero()[:, 0]
    logits = e[index] @ prototypes.t() / temperature - 1e4 * (counts == 0).float()
    return F.cross_entropy(logits, classes.reshape(-1)[index]) if len(index) else logits.sum()


def scribsd(size, batch, g):
    student = UNet(deep=True).to(memory_format=MEMORY).train()
    teacher = teacher_of(student)
    head = nn.Sequential(nn.Conv2d(16, 64, 1), nn.ReLU(), nn.Conv2d(64, 32, 1))
    opt = adam(list(student.parameters()) + list(head.parameters()))
    x, y = batch_data(size, batch, batch, False, g)
    weights = [w / 1.875 for w in (1, 0.5, 0.25, 0.125)]

    def step():
        opt.zero_grad(set_to_none=True)
        logits, deep, decoder = student.features(x)
        with torch.no_grad():
            t_logits, t_deep, _ = teacher.features(x)
            confidence, best = torch.softmax(t_logits, 1).max(1)
            classes = torch.where(y >= 0, y, torch.where(confidence >= 0.8, best, -1))
        kd = sum(w * distillation(t, s) for w, t, s in zip(weights, [t_logits] + t_deep, [logits] + deep))
        contrast = class_contrast(F.normalize(head(decoder[-1]), dim=1), classes, g)
        loss = F.cross_entropy(logits, y, ignore_index=-1) + 0.5 * kd + 0.1 * contrast
        loss.backward()
        opt.step()
        ema(teacher, student)
        return loss

    return step


def reciprocal(size, batch, g):
    student = UNet().to(memory_format=MEMORY).train()
    teacher = UNet().to(memory_format=MEMORY).train()
    opt_s, opt_t = adam(student.parameters()), adam(teacher.parameters())
    params = list(student.parameters())
    half = batch // 2
    x, y = batch_data(size, batch, half, True, g)

    def step():
        t_logits = grouped(teacher, x, half)[0]
        pseudo = t_logits[half:].detach().argmax(1)
        g_u = torch.autograd.grad(F.cross_entropy(student(x[half:]), pseudo), params)
        for p, gu in zip(params, g_u):
            p.grad = gu.clone()
        opt_s.step()
        g_l = torch.autograd.grad(F.cross_entropy(student(x[:half]), y[:half]), params)
        h = LR * sum((a * b).sum() for a, b in zip(g_l, g_u))
        loss = h * F.cross_entropy(t_logits[half:], pseudo) + F.cross_entropy(t_logits[:half], y[:half])
        opt_t.zero_grad(set_to_none=True)
        loss.backward()
        opt_t.step()
        return loss

    return step


class RepresentationHead(nn.Module):
    """Decoder maps brought to a grid of `stride` pixels (finer ones block-averaged, coarser ones resized
    bilinearly), concatenated, 3x3 convolution without bias, 1x1 convolution."""

    def __init__(self, channels=(256, 128, 64, 32, 16), dim=64, stride=4):
        super().__init__()
        self.stride = stride
        self.c1 = nn.Conv2d(sum(channels), dim, 3, padding=1, bias=False)
        self.c2 = nn.Conv2d(dim, dim, 1)

    def forward(self, decoder):
        size = [s // self.stride for s in decoder[-1].shape[2:]]
        maps = []
        for j, f in enumerate(decoder):
            scale = 2 ** (len(decoder) - 1 - j)
            if scale < self.stride:
                f = F.avg_pool2d(f, self.stride // scale)
            elif scale > self.stride:
                f = F.interpolate(f, size=size, mode="bilinear", align_corners=True)
            maps.append(f)
        return self.c2(self.c1(torch.cat(maps, 1)))


def anatomical_contrast(representation, classes, probabilities, g, queries=256, negatives=512, t=0.5, strong=0.97):
    raw = rows(representation)
    unit = F.normalize(raw, dim=1)
    y = one_hot_valid(classes)
    counts = y.sum(0)
    present = counts > 0
    if int(present.sum()) < 2:
        return raw.sum() * 0
    prototypes = F.normalize((y.t() @ raw) / counts.clamp(min=1)[:, None], dim=1).detach()
    hard = y * (rows(probabilities).detach() < strong).float()
    pools = torch.multinomial(y.t()[present], negatives, replacement=True, generator=g)  # a pixel per key and class
    slot = torch.cumsum(present.long(), 0) - 1
    total = 0
    for c in range(CLASSES):
        if not present[c] or hard[:, c].sum() == 0:
            continue
        q = unit[torch.multinomial(hard[:, c], queries, replacement=True, generator=g)]
        similarity = (prototypes[c] @ prototypes.t() / t).masked_fill(~present | (torch.arange(CLASSES) == c), -1e4)
        key_classes = torch.multinomial(torch.softmax(similarity, 0), negatives, replacement=True, generator=g)
        keys = unit[pools[slot[key_classes], torch.arange(negatives)]].detach()
        logits = torch.cat([(q @ prototypes[c])[:, None], q @ keys.t()], 1) / t
        total = total - F.log_softmax(logits, 1)[:, 0].mean()
    return total / present.sum()


def cutmix(x, labels, confidence, first, g, area=0.5):
    """Each unlabelled sample takes a box of `area` of the patch from the next unlabelled one (the last from the
    first): image, pseudo-labels and confidence alike."""
    size = x.shape[-1]
    mask = torch.zeros(x.shape[0], size, size)
    for b in range(first, x.shape[0]):
        w = int(area * size) + 1 + int(torch.rand(1, generator=g) * (size - int(area * size)))
        h = min(size, round(area * size * size / w))
        x0, y0 = (int(torch.rand(1, generator=g) * (size - s + 1)) for s in (w, h))
        mask[b, y0:y0 + h, x0:x0 + w] = 1
    partner = torch.arange(x.shape[0])
    partner[first:] = torch.roll(partner[first:], -1)
    m = mask.bool()
    return (torch.where(m[:, None], x[partner], x), torch.where(m, labels[partner], labels),
            torch.where(m, confidence[partner], confidence))


def augment(x, first, g, strength=0.25, probability=0.5):
    """Brightness and contrast jitter, then a 5x5 Gaussian blur, each with its probability, on the samples from
    `first` on."""
    b = x.shape[0]
    u = torch.rand(b, 5, generator=g)
    on = (u[:, 0] < probability).float()
    fb, fc = (1 + on * strength * (2 * u[:, i] - 1) for i in (1, 2))
    j = x * fb.view(-1, 1, 1, 1)
    mean = j.mean((1, 2, 3), keepdim=True)
    j = (j - mean) * fc.view(-1, 1, 1, 1) + mean
    sigma = 0.15 + u[:, 4]
    g1 = torch.exp(-(torch.arange(-2, 3).float() ** 2)[None] / (2 * sigma[:, None] ** 2))
    g1 = g1 / g1.sum(1, keepdim=True)
    kernel = (g1[:, :, None] * g1[:, None, :])[:, None]
    blurred = F.conv2d(F.pad(j.transpose(0, 1), (2, 2, 2, 2), mode="reflect"), kernel, groups=b).transpose(0, 1)
    out = j + (u[:, 3] < probability).float().view(-1, 1, 1, 1) * (blurred - j)
    return torch.cat([x[:first], out[first:]]).contiguous(memory_format=MEMORY)


def action(size, batch, g):
    student = UNet().to(memory_format=MEMORY).train()
    teacher = teacher_of(student)
    head = RepresentationHead()
    opt = adam(list(student.parameters()) + list(head.parameters()))
    half = batch // 2
    x, y = batch_data(size, batch, half, True, g)

    def step():
        ema(teacher, student)
        with torch.no_grad():
            confidence, pseudo = torch.softmax(teacher(x), 1).max(1)
            pseudo[:half] = -1
            mixed, pseudo, confidence = cutmix(x, pseudo, confidence, half, g)
            inputs = augment(mixed, half, g)
        opt.zero_grad(set_to_none=True)
        logits, _, decoder = grouped(student, inputs, half)
        share = (confidence[half:] >= 0.97).float().mean((1, 2))
        ce = F.cross_entropy(logits[half:], pseudo[half:], reduction="none")
        pseudo_loss = (ce * share[:, None, None]).mean()
        with torch.no_grad():
            trusted = torch.where((confidence >= 0.7) & (pseudo >= 0), pseudo, -1)
            classes = torch.where(y >= 0, y, trusted)[:, 2::4, 2::4]
            probabilities = F.avg_pool2d(torch.softmax(logits, 1), 4)
        anco = anatomical_contrast(head(decoder), classes, probabilities, g)
        loss = supervised_loss(logits, y) + pseudo_loss + 0.01 * anco
        loss.backward()
        opt.step()
        return loss

    return step


STEPS = {"mean-teacher": mean_teacher, "scribsd": scribsd, "reciprocal": reciprocal, "action": action}
