// A reconnect's resume as the page waits for it (static/js/resume.js PendingResume).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingResume, RESUME_ID } from '../../../static/js/resume.js';

test('the resumed epoch\'s frame may come before the reply: the reply is still the resume\'s', () => {
  const r = new PendingResume();
  r.sent(10162);
  assert.equal(r.stale(0), true, 'the new session\'s own start is dropped');
  assert.equal(r.stale(10161), true);
  assert.equal(r.stale(10162), false, 'the resumed frame is shown');
  assert.equal(r.stale(0), false, 'once a frame counted, every frame does');
  assert.equal(r.answers(RESUME_ID), true, 'the page says where it goes on from');
  assert.equal(r.answers(RESUME_ID), false, 'once');
});

test('a reply to another config is not the resume\'s, and a config without a resume waits for none', () => {
  const r = new PendingResume();
  r.sent(50);
  assert.equal(r.answers('import'), false);
  assert.equal(r.answers(null), false);
  assert.equal(r.waiting, true);
  r.none();
  assert.equal(r.waiting, false);
  assert.equal(r.stale(0), false);
  assert.equal(r.answers(RESUME_ID), false);
});

test('a refused resume starts over from the link: its frames from epoch 0 count', () => {
  const r = new PendingResume();
  r.sent(300);
  assert.equal(r.answers(RESUME_ID), true);
  r.refused();
  assert.equal(r.stale(0), false);
});
