import { describe, expect, it } from 'vitest';
import { isAbortedUpload, redact } from '../../scripts/lib/redact.js';

const token = 'Abc_def-GHIjklMNOpqrSTUvwxYZ0123456789abcde';

describe('redact (issue 10.9): no teacher token or receipt in a log line', () => {
	it.each([
		{ line: `GET /teach/${token}/nothing 404`, expected: 'GET /teach/[token]/nothing 404' },
		{ line: `POST /teach/${token}?/close: 415`, expected: 'POST /teach/[token]?/close: 415' },
		{ line: `Not found: /teach/short-but-secret`, expected: 'Not found: /teach/[token]' },
		{ line: 'GET /teach/guide/syria', expected: 'GET /teach/guide/syria' },
		{
			line: 'GET /api/assignments/ACDEFG/submissions/abcdefghijklmnopqrstuv',
			expected: 'GET /api/assignments/ACDEFG/submissions/[receipt]'
		},
		{
			line: 'GET /a/ACDEFG/receipt/abcdefghijklmnopqrstuv/qr.svg 404',
			expected: 'GET /a/ACDEFG/receipt/[receipt]/qr.svg 404'
		},
		{ line: 'GET /a/ACDEFG/receipt/short 404', expected: 'GET /a/ACDEFG/receipt/[receipt] 404' },
		{ line: `authorization: Bearer ${token}`, expected: 'authorization: Bearer [token]' },
		{ line: `token=${token}`, expected: 'token=[token]' }
	])('$line', ({ line, expected }) => {
		expect(redact(line)).toBe(expected);
	});

	it('knows an aborted upload from a real error', () => {
		expect(isAbortedUpload(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(true);
		expect(isAbortedUpload(new Error('Cannot read properties of undefined'))).toBe(false);
	});
});
