/**
 * The sandbox's clock: virtual time that runs at `speed` times real time, or only moves when
 * told to (`manual`). Every delivery step, expiry and push retry is a task scheduled on it, so
 * tests drive hours of Infobip behaviour in milliseconds with `advance`.
 */

/** A task gets the virtual time it was scheduled for (in real-time mode it may run a little later). */
export type ClockTask = (at: number) => void | Promise<void>;

/** Real timers, injected so that this module stays free of Node globals. */
export interface TimerPort {
	set(callback: () => void, delayMs: number): unknown;
	clear(handle: unknown): void;
}

export interface ClockOptions {
	/** Virtual milliseconds per real millisecond (default 1). Ignored when `manual`. */
	speed?: number;
	/** Time moves only through `advance` (deterministic tests). Default false. */
	manual?: boolean;
	/** Virtual start time (epoch ms or ISO text); default the real time at creation. */
	start?: number | string;
}

export interface ScheduledTask {
	readonly at: number;
	cancel(): void;
}

interface QueueEntry {
	at: number;
	seq: number;
	task: ClockTask;
	cancelled: boolean;
}

/** Upper bound for `runAll`: enough for 48 h validity plus every push retry. */
const RUN_ALL_LIMIT_MS = 30 * 24 * 3_600_000;

export class SandboxClock {
	readonly speed: number;
	readonly manual: boolean;
	/** Errors thrown by tasks (a task must never break the clock); readable for debugging. */
	readonly taskErrors: unknown[] = [];
	private readonly virtualStart: number;
	private readonly realStart = Date.now();
	private offsetMs = 0;
	private queue: QueueEntry[] = [];
	private seq = 0;
	private runner: Promise<void> = Promise.resolve();
	private timerHandle: unknown;
	private timerAt: number | undefined;
	private disposed = false;

	constructor(
		options: ClockOptions = {},
		private readonly timers?: TimerPort,
	) {
		this.speed = options.speed && options.speed > 0 ? options.speed : 1;
		this.manual = options.manual ?? false;
		const start = typeof options.start === 'string' ? Date.parse(options.start) : options.start;
		this.virtualStart = start !== undefined && !Number.isNaN(start) ? start : this.realStart;
	}

	now(): number {
		const elapsed = this.manual ? 0 : (Date.now() - this.realStart) * this.speed;
		return Math.floor(this.virtualStart + elapsed + this.offsetMs);
	}

	/** Number of tasks waiting on the clock. */
	pending(): number {
		return this.queue.filter((entry) => !entry.cancelled).length;
	}

	/** Virtual time of the next task, if any. */
	nextAt(): number | undefined {
		return this.peek()?.at;
	}

	schedule(at: number, task: ClockTask): ScheduledTask {
		const entry: QueueEntry = { at, seq: this.seq++, task, cancelled: false };
		// Sorted by time, then by scheduling order (binary search for the insertion point).
		let low = 0;
		let high = this.queue.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.queue[middle].at <= at) low = middle + 1;
			else high = middle;
		}
		this.queue.splice(low, 0, entry);
		this.armTimer();
		return {
			at,
			cancel: () => {
				entry.cancelled = true;
			},
		};
	}

	scheduleIn(delayMs: number, task: ClockTask): ScheduledTask {
		return this.schedule(this.now() + Math.max(0, delayMs), task);
	}

	/** Moves virtual time forward, running every task that falls due, in order, one at a time. */
	advance(ms: number): Promise<void> {
		return this.serialise(async () => {
			const target = this.now() + Math.max(0, ms);
			for (let next = this.peek(); next && next.at <= target; next = this.peek()) {
				this.moveTo(next.at);
				await this.runDueTasks();
			}
			this.moveTo(target);
			await this.runDueTasks();
		});
	}

	/** Runs every task already due; resolves when they (and the push requests they make) are done. */
	settle(): Promise<void> {
		return this.serialise(() => this.runDueTasks());
	}

	/** Jumps from task to task until none is left (bounded to 30 virtual days). */
	runAll(limitMs = RUN_ALL_LIMIT_MS): Promise<void> {
		return this.serialise(async () => {
			const limit = this.now() + limitMs;
			for (let next = this.peek(); next && next.at <= limit; next = this.peek()) {
				this.moveTo(next.at);
				await this.runDueTasks();
			}
		});
	}

	/** Drops every pending task (sandbox reset). */
	clear(): void {
		this.queue = [];
		this.disarmTimer();
	}

	dispose(): void {
		this.disposed = true;
		this.clear();
	}

	private moveTo(at: number): void {
		const behind = at - this.now();
		if (behind > 0) this.offsetMs += behind;
	}

	private peek(): QueueEntry | undefined {
		while (this.queue.length > 0 && this.queue[0].cancelled) this.queue.shift();
		return this.queue[0];
	}

	private async runDueTasks(): Promise<void> {
		for (let next = this.peek(); next && next.at <= this.now(); next = this.peek()) {
			this.queue.shift();
			try {
				await next.task(next.at);
			} catch (taskError) {
				this.taskErrors.push(taskError);
			}
		}
		this.armTimer();
	}

	/** One runner at a time, so that timer-driven and test-driven runs never interleave. */
	private serialise(work: () => Promise<void>): Promise<void> {
		const run = this.runner.then(work);
		this.runner = run.catch(() => undefined);
		return run;
	}

	/** In real-time mode, wake up for the earliest task. */
	private armTimer(): void {
		if (this.manual || !this.timers || this.disposed) return;
		const next = this.peek();
		if (!next) {
			this.disarmTimer();
			return;
		}
		if (this.timerAt !== undefined && this.timerAt <= next.at) return;
		this.disarmTimer();
		const delay = Math.max(0, Math.ceil((next.at - this.now()) / this.speed));
		this.timerAt = next.at;
		this.timerHandle = this.timers.set(() => {
			this.timerHandle = undefined;
			this.timerAt = undefined;
			void this.settle();
		}, delay);
	}

	private disarmTimer(): void {
		if (this.timerHandle !== undefined && this.timers) this.timers.clear(this.timerHandle);
		this.timerHandle = undefined;
		this.timerAt = undefined;
	}
}
