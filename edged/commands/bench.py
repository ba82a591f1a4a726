"""`edged bench` and `edged eval`: commands that print figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from edged.commands.common import engine_store, print_json, profile_and_facts, profile_option, store_option
from edged.errors import ConfigError
from edged.paths import STATE_DIR
from edged.vocabulary import PEERS


def _levels(text: str) -> tuple[int, ...]:
    try:
        levels = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give client counts like 1,2,4,8") from None
    if not levels or min(levels) < 1 or max(levels) > 64:
        raise argparse.ArgumentTypeError(f"{text!r}: each count must be within 1..64")
    return levels


def cmd_bench_engine(args: argparse.Namespace) -> int:
    if args.peer and (args.continuous or args.adapter):
        raise ConfigError("--peer goes with the single-stream bench, not with --continuous or --adapter.",
                          code="bad_request")
    if args.continuous:
        return _bench_continuous(args)
    if args.adapter:
        return _bench_adapter(args)
    from edged.bench.engine import render, run_engine_bench

    profile, facts, _ = profile_and_facts(args.profile)
    result = run_engine_bench(
        engine_store(args), profile, facts, tokens=args.tokens or 64, repeats=args.repeats,
        schema=args.schema, peer=args.peer, peer_threads=args.peer_threads,
    )
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def _bench_adapter(args: argparse.Namespace) -> int:
    from edged.bench.adapter import render_adapter, run_adapter_bench

    profile, facts, _ = profile_and_facts(args.profile)
    result = run_adapter_bench(engine_store(args), profile, facts, args.adapter, tokens=args.tokens or 64,
                               repeats=args.repeats, probes=args.probes)
    if args.json:
        print_json(result)
    else:
        print(render_adapter(result))
    return 0


def _bench_continuous(args: argparse.Namespace) -> int:
    from edged.bench.continuous import render_continuous, run_continuous_bench

    profile, facts, _ = profile_and_facts(args.profile)
    result = run_continuous_bench(engine_store(args), profile, facts, tokens=args.tokens or 48,
                                  repeats=args.repeats, per_caller=args.per_caller, slots=args.slots)
    if args.json:
        print_json(result)
    else:
        print(render_continuous(result))
    return 0


def cmd_bench_service(args: argparse.Namespace) -> int:
    from edged.bench.service import render, run_service_bench

    result = run_service_bench(
        engine_store(args),
        requests=args.requests,
        clients=args.clients,
        tokens=args.tokens,
        isolation=args.isolation,
        batching=args.batching,
        levels=args.levels,
        sweep_requests=args.sweep_requests,
        stream_interval_ms=args.stream_interval_ms,
    )
    if args.plot is not None:
        from edged.bench.sweep import plot

        args.plot.write_text(plot(result["sweep"]) + "\n")
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def cmd_bench_faults(args: argparse.Namespace) -> int:
    from edged.bench.faults import render, run_faults_bench

    result = run_faults_bench(engine_store(args))
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def cmd_bench_escalation(args: argparse.Namespace) -> int:
    from edged.bench.escalation import render, run_escalation_bench

    result = run_escalation_bench(args.requests)
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def cmd_eval_router(args: argparse.Namespace) -> int:
    from edged.engines.loader import load_engine
    from edged.escalation.evaluate import evaluate, load_sst2, render, score_locally

    profile, facts, _ = profile_and_facts(args.profile)
    store = engine_store(args)
    engine = load_engine(store, profile, facts)
    examples = load_sst2(args.limit, args.seed)
    scored = score_locally(engine, examples, args.cloud_accuracy, args.seed)
    result = evaluate(scored, args.target_rate, args.seed)
    if args.adapter:  # the same sentences through the site's adapter, beside the base model
        from edged.engines.adapters import AdapterStore

        adapter = AdapterStore.of_engine(engine.info.path).resolve(args.adapter)
        adapted = evaluate(score_locally(engine, examples, args.cloud_accuracy, args.seed, adapter),
                           args.target_rate, args.seed)
        result = {"base": result, "adapter": args.adapter, "with_adapter": adapted}
    if args.json:
        print_json(result)
    elif args.adapter:
        print("base model\n" + render(result["base"]) + f"\n\nwith adapter {args.adapter}\n"
              + render(result["with_adapter"]))
    else:
        print(render(result))
    return 0


def cmd_eval_extract(args: argparse.Namespace) -> int:
    from edged.bench.extract_eval import answer_notes, render, summarize
    from edged.engines.loader import load_engine

    if args.max_tokens < 16 or args.resamples < 1:
        raise ConfigError("--max-tokens must be at least 16 and --resamples at least 1.", code="bad_request")
    profile, facts, _ = profile_and_facts(args.profile)
    engine = load_engine(engine_store(args), profile, facts)
    result = summarize(answer_notes(engine, max_tokens=args.max_tokens), resamples=args.resamples,
                       seed=args.seed)
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def cmd_eval_shadow(args: argparse.Namespace) -> int:
    from edged.config import load_config
    from edged.escalation.shadow import SHADOW_FILE, read_records, summarize

    config = load_config(Path(args.config)) if args.config else None
    default_state = config.escalation.state_dir if config else STATE_DIR
    state = Path(args.state) if args.state else default_state
    tasks = config.escalation.tasks if config else {}
    targets = {name: policy.shadow_target for name, policy in tasks.items()}
    rows = summarize(read_records(state / SHADOW_FILE), targets)
    if args.json:
        print_json([vars(row) for row in rows])
        return 0
    if not rows:
        print(f"no shadow comparisons in {state / SHADOW_FILE}; set shadow_fraction in "
              "[escalation.tasks.NAME] to collect some")
        return 0
    print("task          adapter       samples  mean agreement  threshold  escalation rate at it")
    for row in rows:
        threshold = f"{row.threshold:.3f}" if row.threshold is not None else "none meets"
        rate = f"{row.escalation_rate:.1%}" if row.escalation_rate is not None else "-"
        print(f"{row.task:<13} {row.adapter or '-':<13} {row.samples:>7}  {row.mean_agreement:>14.3f}  "
              f"{threshold:>9}  {rate:>21}")
    return 0


def add_bench(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bench = commands.add_parser("bench", help="benchmarks that print figures").add_subparsers(
        dest="bench_command", required=True, metavar="COMMAND")
    bench_engine = bench.add_parser("engine", help="TTFT, decode and batch throughput, wrapper cost")
    bench_engine.add_argument("--tokens", type=int, default=None,
                              help="new tokens per request (64; 48 with --continuous)")
    bench_engine.add_argument("--repeats", type=int, default=3, help="runs per figure (best kept)")
    bench_engine.add_argument("--schema", action="store_true",
                              help="also: decode with a 10-property JSON Schema against free decoding, and "
                                   "count schema-valid extracts on 20 notes, free and guided")
    bench_engine.add_argument("--continuous", action="store_true",
                              help="the continuous-batching engine under 1, 2, 4 and 8 concurrent callers")
    bench_engine.add_argument("--per-caller", type=int, default=4,
                              help="with --continuous: requests each caller sends one after another")
    bench_engine.add_argument("--slots", type=int, default=8,
                              help="with --continuous: requests the running batch holds at once")
    bench_engine.add_argument("--adapter", metavar="NAME",
                              help="a stored LoRA adapter: decode with and without it, the cost of switching")
    bench_engine.add_argument("--probes", type=Path, metavar="FILE",
                              help="with --adapter: JSON lines of prompts whose answers must change "
                                   "(\"expect\": [...]) or stay")
    bench_engine.add_argument("--peer", choices=PEERS,
                              help="also run this engine on the GGUF the cpu engine was built from, in the "
                                   "same run: TTFT, decode and top-1 agreement (llama.cpp: the bench extra)")
    bench_engine.add_argument("--peer-threads", type=int, default=2, metavar="N",
                              help="with --peer: the peer's threads (2, the cpu profile's cores)")
    bench_engine.add_argument("--json", action="store_true")
    profile_option(bench_engine)
    store_option(bench_engine)
    bench_engine.set_defaults(handler=cmd_bench_engine)
    bench_service = bench.add_parser("service", help="daemon overhead, batching gain and ready time over "
                                                     "a real broker with mTLS")
    bench_service.add_argument("--requests", type=int, default=32)
    bench_service.add_argument("--clients", type=int, default=8)
    bench_service.add_argument("--tokens", type=int, default=48,
                               help="new tokens per request (48: a typical extraction answer)")
    bench_service.add_argument(
        "--isolation", choices=("process", "thread"), default="process",
        help="the engine in its own process (edged run's default) or in the daemon's",
    )
    bench_service.add_argument("--batching", choices=("continuous", "static"), default="continuous",
                               help="[engine] batching for the daemon under test")
    bench_service.add_argument("--stream-interval-ms", type=float, default=50.0, metavar="MS",
                               help="[scheduler] stream_interval_ms for the daemon under test (50, the "
                                    "default: streamed pieces joined; 0: a chunk per token)")
    bench_service.add_argument("--levels", type=_levels, default=(1, 2, 4, 8, 16),
                               help="concurrent clients to sweep, comma-separated (default 1,2,4,8,16)")
    bench_service.add_argument("--sweep-requests", type=int, default=16,
                               help="requests per sweep level (at least two per client)")
    bench_service.add_argument("--plot", type=Path, help="also write the sweep's text plot to this file")
    bench_service.add_argument("--json", action="store_true")
    store_option(bench_service)
    bench_service.set_defaults(handler=cmd_bench_service)
    bench_faults = bench.add_parser(
        "faults",
        help="the daemon under long prompts, a killed engine, a burst and SIGTERM, over a real broker",
    )
    bench_faults.add_argument("--json", action="store_true")
    store_option(bench_faults)
    bench_faults.set_defaults(handler=cmd_bench_faults)
    bench_escalation = bench.add_parser("escalation", help="cost of the escalation path on the appliance, "
                                                           "cloud time excluded")
    bench_escalation.add_argument("--requests", type=int, default=300)
    bench_escalation.add_argument("--json", action="store_true")
    bench_escalation.set_defaults(handler=cmd_bench_escalation)


def add_eval(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = commands.add_parser("eval", help="evaluations that print figures").add_subparsers(
        dest="eval_command", required=True, metavar="COMMAND")
    router = evaluate.add_parser("router", help="confidence as an escalation signal: AUROC, APGR, thresholds")
    router.add_argument("--limit", type=int, default=300, help="sentences (0: all 872)")
    router.add_argument("--cloud-accuracy", type=float, default=0.95, help="accuracy of the simulated cloud")
    router.add_argument("--target-rate", type=float, default=0.2,
                        help="escalation rate to pick a threshold for")
    router.add_argument("--seed", type=int, default=0)
    router.add_argument("--adapter", metavar="NAME", help="also score through this stored LoRA adapter, "
                        "beside the base model")
    router.add_argument("--json", action="store_true")
    profile_option(router)
    store_option(router)
    router.set_defaults(handler=cmd_eval_router)
    extract = evaluate.add_parser("extract", help="extraction on labelled plant notes, free and under the "
                                  "schema: valid JSON, schema-valid, field match, confidence AUROC")
    extract.add_argument("--max-tokens", type=int, default=96, help="max_tokens of each request")
    extract.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples of the AUROC")
    extract.add_argument("--seed", type=int, default=0)
    extract.add_argument("--json", action="store_true")
    profile_option(extract)
    store_option(extract)
    extract.set_defaults(handler=cmd_eval_extract)
    shadow = evaluate.add_parser("shadow", help="agreement of local and cloud answers (shadow mode)")
    shadow.add_argument("--config", metavar="FILE", help="edged.toml (state folder and per-task targets)")
    shadow.add_argument("--state", metavar="DIR", help="state folder holding shadow.jsonl")
    shadow.add_argument("--json", action="store_true")
    shadow.set_defaults(handler=cmd_eval_shadow)
