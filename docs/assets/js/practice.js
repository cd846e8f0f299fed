// Placeholder: the practice widget binds here.
"use strict";
