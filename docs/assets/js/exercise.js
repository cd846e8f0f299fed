// Placeholder: the exercise widget binds here.
"use strict";
