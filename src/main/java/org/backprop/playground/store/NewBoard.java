package org.backprop.playground.store;

/** A board just made, and its teacher key: the only time the key exists outside the teacher's link. */
public record NewBoard(Board board, String teacherKey) {}
