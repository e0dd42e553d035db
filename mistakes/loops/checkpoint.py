"""Named mistakes of kata loops/checkpoint."""

from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

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


# Written blind, from the stub alone (red team, 2026-12)


# ---------------------------------------------------------------- save_weights

@mistake("saved the whole model object instead of its state_dict (a weights_only load refuses it)",
         replaces="save_weights")
def save_whole_model(model: nn.Module, path: str | Path) -> None:
    torch.save(model, path)


@mistake("converted every tensor to a NumPy array before saving (not tensors only; weights_only refuses it)",
         replaces="save_weights")
def save_as_numpy(model: nn.Module, path: str | Path) -> None:
    torch.save({name: t.detach().cpu().numpy() for name, t in model.state_dict().items()}, path)


@mistake("wrapped the state_dict in a checkpoint dict {'model_state_dict': ...} like a tutorial does",
         replaces="save_weights")
def save_wrapped_state_dict(model: nn.Module, path: str | Path) -> None:
    torch.save({"model_state_dict": model.state_dict()}, path)


@mistake("stored the weights as float16 to save disk space: the reloaded model no longer predicts identically",
         replaces="save_weights")
def save_half_precision(model: nn.Module, path: str | Path) -> None:
    torch.save({name: t.half() for name, t in model.state_dict().items()}, path)


@mistake("forced a .pt extension with with_suffix: works for 'model.pt' but writes elsewhere for any other name",
         replaces="save_weights")
def save_forced_suffix(model: nn.Module, path: str | Path) -> None:
    torch.save(model.state_dict(), Path(path).with_suffix(".pt"))


@mistake("called model.eval() before saving 'to freeze it' and never put the caller's model back in train mode",
         replaces="save_weights")
def save_leaves_model_in_eval(model: nn.Module, path: str | Path) -> None:
    model.eval()
    torch.save(model.state_dict(), path)


@mistake("skips writing when the file already exists, so a second save keeps the stale weights",
         replaces="save_weights")
def save_no_overwrite(model: nn.Module, path: str | Path) -> None:
    if not Path(path).exists():
        torch.save(model.state_dict(), path)


@mistake("saved list(model.parameters()) instead of the named state_dict (no names, no buffers)",
         replaces="save_weights")
def save_parameter_list(model: nn.Module, path: str | Path) -> None:
    torch.save([p.detach() for p in model.parameters()], path)


# ---------------------------------------------------------------- load_weights

@mistake("relied on the torch >= 2.6 default and did not pass weights_only explicitly (the spec says: say it anyway)",
         replaces="load_weights")
def load_weights_only_not_said(build: Callable[[], nn.Module], path: str | Path,
                               device: str | torch.device) -> nn.Module:
    model = build()
    model.load_state_dict(torch.load(path, map_location=device))
    return model.to(device).eval()


@mistake("ignored the device argument: the model stays wherever build() put it",
         replaces="load_weights")
def load_ignores_device(build: Callable[[], nn.Module], path: str | Path,
                        device: str | torch.device) -> nn.Module:
    model = build()
    model.load_state_dict(torch.load(path, weights_only=True))
    return model.eval()


@mistake("returned what load_state_dict returns (the missing/unexpected keys report), not the model",
         replaces="load_weights")
def load_returns_key_report(build: Callable[[], nn.Module], path: str | Path,
                            device: str | torch.device):
    model = build().to(device).eval()
    return model.load_state_dict(torch.load(path, map_location=device, weights_only=True))


@mistake("copied the tensors into named_parameters() by hand: buffers (batch norm running stats) stay fresh",
         replaces="load_weights")
def load_parameters_only(build: Callable[[], nn.Module], path: str | Path,
                         device: str | torch.device) -> nn.Module:
    model = build().to(device)
    state = torch.load(path, map_location=device, weights_only=True)
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(state[name])
    return model.eval()


@mistake("converted the model to float64 'for exact predictions': its outputs are no longer the saved model's",
         replaces="load_weights")
def load_as_double(build: Callable[[], nn.Module], path: str | Path,
                   device: str | torch.device) -> nn.Module:
    model = build()
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model.to(device=device, dtype=torch.float64).eval()


@mistake("switched autograd off globally with torch.set_grad_enabled(False) for inference and never restored it",
         replaces="load_weights")
def load_leaks_grad_mode(build: Callable[[], nn.Module], path: str | Path,
                         device: str | torch.device) -> nn.Module:
    torch.set_grad_enabled(False)
    model = build()
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model.to(device).eval()


# Found by the spec audit (2026-12-03): written from the stub and its tests, where a docstring
# sentence was checked on too few inputs


@mistake("deleted the old file with path.unlink() first: a str path (as in the docstring) has no .unlink",
         replaces="save_weights")
def path_objects_only(model, path):
    path.unlink(missing_ok=True)
    torch.save(model.state_dict(), path)


@mistake("put the model in eval mode to save it, then back in train mode, whatever mode it came in",
         replaces="save_weights")
def saved_then_back_to_train(model, path):
    model.eval()
    torch.save(model.state_dict(), path)
    model.train()


@mistake("switched grad mode off while loading, then on again: a caller under no_grad gets it switched on",
         replaces="load_weights")
def grad_mode_switched_back_on(build, path, device):
    torch.set_grad_enabled(False)
    model = build()
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    torch.set_grad_enabled(True)
    return model.to(device).eval()


# Held-out blind round (2026-12-03): written from the stub alone and run against the tests as they were;
# the tests let this through until a float64 model was saved and loaded.

@mistake("added model.float() after loading 'to be safe', so a model saved in float64 comes back as float32 "
         "and no longer predicts exactly the same (the docstring says same dtype)", replaces="load_weights")
def load_casts_to_float32(build, path, device):
    state = torch.load(path, map_location=device, weights_only=True)
    model = build().to(device)
    model.load_state_dict(state)
    return model.float().eval()


# Found reading the held-out sample's notes (2026-12-03): "model is left as it was" was tried only on
# models on the CPU, where model.cpu() changes nothing


@mistake("moved the model to the CPU before saving, so the file loads anywhere: the caller's model leaves "
         "its GPU", replaces="save_weights")
def save_moves_the_model_to_the_cpu(model, path):
    model.cpu()
    torch.save(model.state_dict(), path)
