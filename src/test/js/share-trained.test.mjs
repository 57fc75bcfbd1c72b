// "Share as trained"'s link (static/js/share-trained.js): the state's query with the network's weights and their epoch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainedQuery } from '../../../static/js/share-trained.js';

test('the weights and their epoch go last, in place of the link\'s own', () => {
  assert.equal(trainedQuery('dataset=xor&networkShape=2&lang=ko', [0.5, -1e-7, 3], 120),
    'dataset=xor&networkShape=2&lang=ko&weights=0.5,-1e-7,3&weightsEpoch=120');
  // a page opened from a shared link shares its own network now, not the one it was given
  assert.equal(trainedQuery('dataset=xor&weights=1,2,3&weightsEpoch=50&lang=en', [4, 5, 6], 80),
    'dataset=xor&lang=en&weights=4,5,6&weightsEpoch=80');
});
