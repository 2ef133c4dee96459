import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files of lessons/ keyed as import.meta.glob keys them ("/lessons/…"), read from disk. */
export function readLessonFiles(root = process.cwd()): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(txt|yaml|md)$/.test(name))
				files[`/${relative(root, path)}`] = readFileSync(path, 'utf8');
		}
	};
	walk(join(root, 'lessons'));
	return files;
}

export function fixture(name: string): string {
	return readFileSync(join(process.cwd(), 'tests/fixtures/content', name), 'utf8');
}
