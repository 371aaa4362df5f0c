/**
 * `npm run build` is `n8n-node build`, which already runs tsc and copies every icon into dist/.
 * This task is the design card's stand-alone icon copy, for `tsc --watch` sessions that skip it:
 * it copies the same files to the same places, so the two can never disagree.
 */
const path = require('node:path');
const { src, dest, task } = require('gulp');

function copyIcons() {
	return src(['{icons,nodes,credentials}/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	);
}

task('build:icons', copyIcons);
