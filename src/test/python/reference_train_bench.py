"""Reference PyTorch training-step throughput for the MobileNetV1 splitting seed.

Cross-check only (Mitosis does not depend on Python): the same network, batch and optimizer as
`mitosis bench train --model mbv1-seed --input 32x32x3 --classes 10 --batch 64`, in eager PyTorch.
Run: /usr/bin/python3 src/test/python/reference_train_bench.py [--threads 2] [--width-mult W]
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SEED_WIDTHS = [8, 8, 8, 8, 16, 16, 24, 24, 24, 24, 24, 24, 32, 32]
MBV1_WIDTHS = [32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024]
STRIDES = [1, 1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1]


class Swish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(x)


def conv_bn(cin, cout, k, s, groups=1):
    return [nn.Conv2d(cin, cout, k, s, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout), Swish()]


def mobilenet(widths, classes=10, in_ch=3):
    layers = conv_bn(in_ch, widths[0], 3, STRIDES[0])
    for cin, cout, s in zip(widths[:-1], widths[1:], STRIDES[1:]):
        layers += conv_bn(cin, cin, 3, s, groups=cin) + conv_bn(cin, cout, 1, 1)
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(widths[-1], classes))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--width-mult", type=float, default=0.0, help="0: the seed; else MobileNetV1 x W")
    p.add_argument("--steps", type=int, default=30)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    widths = SEED_WIDTHS if a.width_mult == 0 else [int(w * a.width_mult) for w in MBV1_WIDTHS]
    net = mobilenet(widths)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4)
    x = torch.randn(a.batch, 3, 32, 32)
    y = torch.randint(0, 10, (a.batch,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(net(x), y, label_smoothing=0.1)
        loss.backward()
        opt.step()

    for _ in range(10):
        step()
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(a.steps):
            step()
        dt = time.perf_counter() - t0
        print(f"torch {torch.__version__} threads {torch.get_num_threads()}: {a.steps * a.batch / dt:.1f} images/s")


if __name__ == "__main__":
    main()
