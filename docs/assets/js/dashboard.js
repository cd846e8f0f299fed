// Placeholder: the dashboard widget binds here.
"use strict";
