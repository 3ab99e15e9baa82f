from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "omstallning.demo"
    label = "demo"
    verbose_name = "Demo content"
