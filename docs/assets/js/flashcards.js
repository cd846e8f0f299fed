// Placeholder: the flashcards widget binds here.
"use strict";
