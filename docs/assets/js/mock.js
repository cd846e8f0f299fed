// Placeholder: the mock widget binds here.
"use strict";
