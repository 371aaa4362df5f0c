// Dev-only (never shipped): n8n's verification scanner (@n8n/scan-community-package), run on the
// packed tarball and on the source, as n8n runs it on a published package. It cannot fetch an
// unpublished package, so its analyzePackage runs on what `npm pack` would publish.
// Needs `npm run build` first. Exits 1 when either analysis fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'infobip-omni-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	}).trim();
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	const dist = await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']);
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	for (const [name, result] of Object.entries({ 'packed tarball': dist, source })) {
		console.log(`scan ${name}: ${result.passed ? 'passed' : 'FAILED'}`);
		if (!result.passed) console.log(JSON.stringify(result, null, 2));
	}
	process.exitCode = dist.passed && source.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
