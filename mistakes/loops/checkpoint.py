"""Named mistakes of kata loops/checkpoint."""

import torch

from katas._support.mistakes import mistake


@mistake("loaded into a fresh model without load_state_dict", replaces="load_weights")
def fresh_model(build, path, device):
    torch.load(path, map_location=device, weights_only=True)
    return build().to(device).eval()


@mistake("compared in train mode: the reloaded model was not put in eval mode", replaces="load_weights")
def train_mode(build, path, device):
    model = build()
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model.to(device)


@mistake("torch.load(weights_only=False): unpickles, and so runs, whatever the file carries", replaces="load_weights")
def unsafe_load(build, path, device):
    model = build()
    model.load_state_dict(torch.load(path, map_location=device, weights_only=False))
    return model.to(device).eval()


@mistake("saved the parameters only: batch norm's running statistics (buffers) are lost", replaces="save_weights")
def parameters_only(model, path):
    torch.save(dict(model.named_parameters()), path)
